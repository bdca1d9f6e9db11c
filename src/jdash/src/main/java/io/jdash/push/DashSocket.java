package io.jdash.push;

import io.jdash.app.AppCatalog;
import io.jdash.app.MountedApp;
import io.jdash.callback.BadCallbackRequest;
import io.jdash.callback.Callback;
import io.jdash.background.jobs.JobLimitReached;
import io.jdash.callback.CallbackArgs;
import io.jdash.callback.CallbackFailure;
import io.jdash.callback.SocketCallbacks;
import io.jdash.callback.CallbackHttp;
import io.jdash.callback.CallbackInvoker;
import io.jdash.callback.CallbackResult;
import io.jdash.callback.UpdateRequest;
import io.jdash.callback.UpdateResponse;
import io.jdash.config.JDashConfig;
import io.jdash.json.JsonCodec;
import io.jdash.json.JsonRefusal;
import jakarta.json.bind.JsonbException;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code <mount path>/<slug>/_dash-ws}: the WebSocket of Dash's renderer (its SharedWorker holds one per browser for
 * all tabs of the app) for callbacks declared {@code websocket()}: a {@code callback_request} is answered by a
 * {@code callback_response} ({@code ok} with Dash's {@code {multi, response}}, {@code prevent_update}, or
 * {@code error} with the message), a {@code heartbeat} by a {@code heartbeat_ack}. Background callbacks travel here
 * too: their request queues the job and is answered when the job ends, while {@link Renderers} pushes the job's
 * running values, progress and {@code set_props} to the page that started it; the {@link SocketCallbacks} tell the
 * server each page load's renderer id and the changes of cancel inputs. Everything sent goes through the socket's
 * {@link PushConnection}, in order and bounded by its backlog. The socket belongs to the owner cookie of its
 * handshake and to pages of this site (Origin); a socket without them, or of an app whose required role the handshake's
 * user lacks, is closed at once (1008).
 */
public final class DashSocket extends Endpoint {

    /** The socket's last path segment, under the app's path. */
    public static final String PATH = "_dash-ws";

    private static final Logger LOG = Logger.getLogger(DashSocket.class.getName());
    private static final String OWNER = "io.jdash.owner";
    private static final String HTTP = "io.jdash.handshake";
    private static final String ROLES = "io.jdash.roles";

    /**
     * A message of the renderer's protocol. {@code payload} stays untyped until the message is known to be a
     * {@code callback_request}, so that a request whose payload does not fit still gets its error response (the page
     * waits for one) rather than being dropped with the malformed messages.
     */
    public record Message(String type, String rendererId, String requestId, Object payload) {
    }

    private static final String CONNECTION = "io.jdash.connection";

    private final AppCatalog catalog;
    private final Renderers renderers;

    private DashSocket(AppCatalog catalog, Renderers renderers) {
        this.catalog = catalog;
        this.renderers = renderers;
    }

    public static ServerEndpointConfig config(String mountPath, AppCatalog catalog, Renderers renderers) {
        return ServerEndpointConfig.Builder.create(DashSocket.class, mountPath + "/{slug}/" + PATH)
                .configurator(new ServerEndpointConfig.Configurator() {
                    @Override
                    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request,
                                                HandshakeResponse response) {
                        var handshake = new SocketHandshake(request);
                        var headers = new LinkedHashMap<String, String>();
                        request.getHeaders().forEach((name, values) -> headers.put(name, String.join(", ", values)));
                        String owner = handshake.owner();
                        config.getUserProperties().put(OWNER, owner == null ? "" : owner);
                        config.getUserProperties().put(HTTP, new CallbackHttp(cookies(String.join("; ", handshake.all("Cookie"))),
                                headers));
                        // the roles the apps require that this user has (DashApp.requiredRole), known only here
                        config.getUserProperties().put(ROLES, catalog.all().stream().map(app -> app.app().requiredRole())
                                .filter(role -> role != null && request.isUserInRole(role))
                                .collect(java.util.stream.Collectors.toUnmodifiableSet()));
                    }

                    @Override
                    public <T> T getEndpointInstance(Class<T> type) {
                        return type.cast(new DashSocket(catalog, renderers));
                    }
                })
                .build();
    }

    private static Map<String, String> cookies(String header) {
        var cookies = new LinkedHashMap<String, String>();
        if (!header.isEmpty()) {
            for (String pair : header.split(";")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    cookies.putIfAbsent(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
                }
            }
        }
        return cookies;
    }

    @Override
    public void onOpen(Session socket, EndpointConfig config) {
        String owner = (String) config.getUserProperties().get(OWNER);
        var http = (CallbackHttp) config.getUserProperties().get(HTTP);
        var app = catalog.find(socket.getPathParameters().get("slug"));
        if (owner == null || owner.isEmpty() || app.isEmpty()) {
            close(socket, app.isEmpty() ? "no such app" : "no owner cookie of this site: load the page first");
            return;
        }
        String role = app.get().app().requiredRole();
        if (role != null && !(config.getUserProperties().get(ROLES) instanceof java.util.Set<?> roles
                && roles.contains(role))) {
            close(socket, "app " + app.get().slug() + " is for users with the role '" + role + "'");
            return;
        }
        long maxBytes = JDashConfig.current().maxRequestBytes();
        socket.setMaxTextMessageBufferSize((int) Math.min(Integer.MAX_VALUE, maxBytes));
        var opened = renderers.open(socket, owner, app.get().slug());
        if (opened.isEmpty()) {
            close(socket, CloseReason.CloseCodes.TRY_AGAIN_LATER, "this browser has "
                    + JDashConfig.current().maxSocketsPerOwner() + " sockets open here already");
            return;
        }
        PushConnection connection = opened.get();
        socket.getUserProperties().put(CONNECTION, connection);
        socket.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            if (utf8.length > maxBytes) { // the container's limit lets a message over it through now and then
                close(socket, CloseReason.CloseCodes.TOO_BIG, "a message over " + maxBytes + " bytes");
                return;
            }
            receive(connection, app.get(), http, utf8);
        });
    }

    @Override
    public void onClose(Session socket, CloseReason reason) {
        if (socket.getUserProperties().remove(CONNECTION) instanceof PushConnection connection) { // once
            renderers.closed(connection);
        }
    }

    @Override
    public void onError(Session socket, Throwable failure) {
        LOG.log(Level.FINE, "Dash socket error", failure);
        onClose(socket, null);
    }

    private void receive(PushConnection connection, MountedApp app, CallbackHttp http, byte[] text) {
        Message message;
        try {
            message = JsonCodec.fromUntrustedJson(text, Message.class);
        } catch (JsonbException | ClassCastException | IllegalArgumentException malformed) {
            LOG.fine(() -> "ignoring a malformed message on the Dash socket: " + malformed.getMessage());
            return;
        }
        if (message == null || message.type() == null) {
            return;
        }
        switch (message.type()) {
            case "heartbeat" -> send(connection, ServerMessage.HeartbeatAck.INSTANCE);
            case "callback_request" -> request(connection, app, http, message);
            default -> LOG.fine(() -> "ignoring a Dash socket message of type " + message.type());
        }
    }

    /** A callback request: the hello and cancel callbacks, a background job, or an ordinary callback run now. */
    private void request(PushConnection connection, MountedApp app, CallbackHttp http, Message message) {
        String output = message.payload() instanceof Map<?, ?> payload && payload.get("output") instanceof String named
                ? named : null;
        List<Callback> callbacks = app.callbacks().callbacks();
        if (SocketCallbacks.HELLO.equals(output)) {
            renderers.heard(connection, message.rendererId()); // persistent: it stays unanswered, as Dash allows
            return;
        }
        var cancelInput = SocketCallbacks.cancelInputNamed(output, callbacks);
        if (cancelInput.isPresent()) {
            Object concreteId = firstInputId(message.payload());
            renderers.heard(connection, message.rendererId())
                    .ifPresent(r -> renderers.cancel(r, cancelInput.get(), concreteId));
            send(connection, response(message, ServerMessage.Outcome.preventUpdate()));
            return;
        }
        Callback callback = output == null ? null : app.callbacks().find(output).orElse(null);
        if (callback != null && callback.isBackground()) {
            submit(connection, app, http, callback, message);
            return;
        }
        var renderer = renderers.heard(connection, message.rendererId());
        ServerMessage.Outcome outcome = answer(app, http, message);
        if (renderer.isPresent() && outcome.data() instanceof UpdateResponse update) {
            renderers.answerShowingJobs(renderer.get(), message.requestId(), update.response());
        } else {
            send(connection, response(message, outcome));
        }
    }

    /** A background callback's request: queued as a job; its end answers the request. */
    private void submit(PushConnection connection, MountedApp app, CallbackHttp http, Callback callback, Message message) {
        var renderer = renderers.heard(connection, message.rendererId());
        if (renderer.isEmpty()) {
            send(connection, response(message, ServerMessage.Outcome.error(
                    "this page cannot start jobs on this socket: reload it")));
            return;
        }
        try {
            UpdateRequest update = decode(message);
            CallbackArgs args = CallbackInvoker.bind(callback, update, http);
            renderers.submit(renderer.get(), app, callback, args, message.requestId());
        } catch (BadCallbackRequest | JsonbException | ClassCastException | IllegalArgumentException bad) {
            send(connection, response(message, ServerMessage.Outcome.error("not a callback request: "
                    + JsonRefusal.describe(bad))));
        } catch (JobLimitReached tooMany) {
            send(connection, response(message, ServerMessage.Outcome.error(tooMany.getMessage())));
        } catch (RuntimeException notQueued) {
            LOG.log(Level.WARNING, "a job of app " + app.slug() + " could not be queued", notQueued);
            send(connection, response(message, ServerMessage.Outcome.error("the job could not be queued; see the server log")));
        }
    }

    /** The id of the first input a request names (the cancel input that changed), or null. */
    private static Object firstInputId(Object payload) {
        if (payload instanceof Map<?, ?> map && map.get("inputs") instanceof List<?> inputs && !inputs.isEmpty()
                && inputs.get(0) instanceof Map<?, ?> first) {
            return first.get("id");
        }
        return null;
    }

    private static UpdateRequest decode(Message message) {
        return JsonCodec.fromUntrustedJson(JsonCodec.toJson(message.payload()).getBytes(StandardCharsets.UTF_8),
                UpdateRequest.class);
    }

    /** Runs the ordinary callback the request names, as {@code _dash-update-component} does, and says how it went. */
    private static ServerMessage.Outcome answer(MountedApp app, CallbackHttp http, Message message) {
        try {
            UpdateRequest update = decode(message);
            Callback callback = update == null || update.output() == null ? null
                    : app.callbacks().find(update.output()).orElse(null);
            if (callback == null || callback.isBackground() || callback.isClientside()) {
                return ServerMessage.Outcome.error("app " + app.slug() + " has no callback "
                        + (update == null ? null : update.output()) + " that runs over the socket");
            }
            CallbackResult result = CallbackInvoker.invoke(callback, update, http);
            return result instanceof CallbackResult.Updated updated
                    ? ServerMessage.Outcome.ok(UpdateResponse.of(updated.props()))
                    : ServerMessage.Outcome.preventUpdate();
        } catch (BadCallbackRequest | JsonbException | ClassCastException | IllegalArgumentException bad) {
            return ServerMessage.Outcome.error("not a callback request: " + JsonRefusal.describe(bad));
        } catch (CallbackFailure failure) {
            LOG.log(Level.WARNING, "callback failed in app " + app.slug() + ": " + failure.getMessage(), failure.getCause());
            return ServerMessage.Outcome.error(failure.getMessage());
        }
    }

    private static ServerMessage response(Message message, ServerMessage.Outcome outcome) {
        return ServerMessage.CallbackResponse.of(message.rendererId(), message.requestId(), outcome);
    }

    private static void send(PushConnection connection, ServerMessage message) {
        connection.send(JsonCodec.toJson(message), null);
    }

    private static void close(Session socket, String why) {
        close(socket, CloseReason.CloseCodes.VIOLATED_POLICY, why);
    }

    private static void close(Session socket, CloseReason.CloseCode code, String why) {
        try {
            socket.close(new CloseReason(code, why));
        } catch (IOException alreadyGone) {
            LOG.log(Level.FINE, "a Dash socket went away before its close", alreadyGone);
        }
    }

    /**
     * The socket's URLs for {@code _dash-config.websocket}, when the app has websocket or background callbacks;
     * {@code workerUrl} is the served URL of Dash's SharedWorker script.
     */
    public static Map<String, Object> configFor(MountedApp app, String appPath, String workerUrl) {
        if (app.callbacks().callbacks().stream().noneMatch(cb -> cb.websocket() || cb.isBackground())) {
            return null;
        }
        var websocket = new LinkedHashMap<String, Object>();
        websocket.put("url", appPath + PATH);
        websocket.put("worker_url", workerUrl);
        websocket.put("enabled", false);
        return websocket;
    }

}
