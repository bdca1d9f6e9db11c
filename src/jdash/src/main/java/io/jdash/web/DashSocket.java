package io.jdash.web;

import io.jdash.access.OwnerCookie;
import io.jdash.access.SameOrigin;
import io.jdash.app.AppCatalog;
import io.jdash.app.MountedApp;
import io.jdash.callback.BadCallbackRequest;
import io.jdash.callback.Callback;
import io.jdash.callback.CallbackFailure;
import io.jdash.callback.CallbackHttp;
import io.jdash.callback.CallbackInvoker;
import io.jdash.callback.CallbackResult;
import io.jdash.callback.UpdateRequest;
import io.jdash.callback.UpdateResponse;
import io.jdash.config.JDashConfig;
import io.jdash.json.JsonCodec;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code <mount path>/<slug>/_dash-ws}: the WebSocket of Dash's renderer (its SharedWorker holds one per browser for
 * all tabs of the app) for callbacks declared {@code websocket()}: a {@code callback_request} is answered by a
 * {@code callback_response} ({@code ok} with Dash's {@code {multi, response}}, {@code prevent_update}, or
 * {@code error} with the message), a {@code heartbeat} by a {@code heartbeat_ack}. The socket belongs to the owner
 * cookie of its handshake and to pages of this site (Origin); a socket without them is closed at once (1008).
 * Background callbacks do not travel here yet.
 */
public final class DashSocket extends Endpoint {

    /** The socket's last path segment, under the app's path. */
    public static final String PATH = "_dash-ws";

    private static final Logger LOG = Logger.getLogger(DashSocket.class.getName());
    private static final String OWNER = "io.jdash.owner";
    private static final String HTTP = "io.jdash.handshake";

    /**
     * A message of the renderer's protocol. {@code payload} stays untyped until the message is known to be a
     * {@code callback_request}, so that a request whose payload does not fit still gets its error response (the page
     * waits for one) rather than being dropped with the malformed messages.
     */
    public record Message(String type, String rendererId, String requestId, Object payload) {
    }

    private final AppCatalog catalog;

    private DashSocket(AppCatalog catalog) {
        this.catalog = catalog;
    }

    public static ServerEndpointConfig config(String mountPath, AppCatalog catalog) {
        return ServerEndpointConfig.Builder.create(DashSocket.class, mountPath + "/{slug}/" + PATH)
                .configurator(new ServerEndpointConfig.Configurator() {
                    @Override
                    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request,
                                                HandshakeResponse response) {
                        var headers = new LinkedHashMap<String, String>();
                        request.getHeaders().forEach((name, values) -> headers.put(name, String.join(", ", values)));
                        List<String> cookieHeaders = request.getHeaders().entrySet().stream()
                                .filter(e -> e.getKey().equalsIgnoreCase("Cookie")).map(Map.Entry::getValue)
                                .findFirst().orElse(List.of()); // header names come in any case
                        String owner = OwnerCookie.fromCookieHeaders(cookieHeaders);
                        if (!SameOrigin.allows(header(headers, "Origin"), header(headers, "Host"))) {
                            owner = null;
                        }
                        config.getUserProperties().put(OWNER, owner == null ? "" : owner);
                        config.getUserProperties().put(HTTP, new CallbackHttp(cookies(String.join("; ", cookieHeaders)), headers));
                    }

                    @Override
                    public <T> T getEndpointInstance(Class<T> type) {
                        return type.cast(new DashSocket(catalog));
                    }
                })
                .build();
    }

    private static String header(Map<String, String> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
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
        socket.setMaxTextMessageBufferSize((int) Math.min(Integer.MAX_VALUE, JDashConfig.current().maxRequestBytes()));
        socket.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> receive(socket, app.get(), http, text));
    }

    private void receive(Session socket, MountedApp app, CallbackHttp http, String text) {
        Message message;
        try {
            message = JsonCodec.fromUntrustedJson(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), Message.class);
        } catch (JsonbException | ClassCastException | IllegalArgumentException malformed) {
            LOG.fine(() -> "ignoring a malformed message on the Dash socket: " + malformed.getMessage());
            return;
        }
        if (message == null || message.type() == null) {
            return;
        }
        switch (message.type()) {
            case "heartbeat" -> send(socket, Map.of("type", "heartbeat_ack"));
            case "callback_request" -> send(socket, answer(app, http, message));
            default -> LOG.fine(() -> "ignoring a Dash socket message of type " + message.type());
        }
    }

    /** Runs the callback the request names, as {@code _dash-update-component} does, and says how it went. */
    private static Map<String, Object> answer(MountedApp app, CallbackHttp http, Message message) {
        Map<String, Object> payload;
        try {
            UpdateRequest update = JsonCodec.fromUntrustedJson(JsonCodec.toJson(message.payload())
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8), UpdateRequest.class);
            Callback callback = update == null || update.output() == null ? null
                    : app.callbacks().find(update.output()).orElse(null);
            if (callback == null || callback.isBackground() || callback.isClientside()) {
                payload = Map.of("status", "error", "message", "app " + app.slug() + " has no callback "
                        + (update == null ? null : update.output()) + " that runs over the socket");
            } else {
                CallbackResult result = CallbackInvoker.invoke(callback, update, http);
                payload = result instanceof CallbackResult.Updated updated
                        ? Map.of("status", "ok", "data", UpdateResponse.of(updated.props()))
                        : Map.of("status", "prevent_update");
            }
        } catch (BadCallbackRequest | JsonbException | ClassCastException | IllegalArgumentException bad) {
            payload = Map.of("status", "error", "message", "not a callback request: " + bad.getMessage());
        } catch (CallbackFailure failure) {
            LOG.log(Level.WARNING, "callback failed in app " + app.slug() + ": " + failure.getMessage(), failure.getCause());
            payload = Map.of("status", "error", "message", failure.getMessage());
        }
        var response = new LinkedHashMap<String, Object>();
        response.put("type", "callback_response");
        response.put("rendererId", message.rendererId());
        response.put("requestId", message.requestId());
        response.put("payload", payload);
        return response;
    }

    private static void send(Session socket, Object message) {
        socket.getAsyncRemote().sendText(JsonCodec.toJson(message));
    }

    private static void close(Session socket, String why) {
        try {
            socket.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, why));
        } catch (IOException alreadyGone) {
            LOG.log(Level.FINE, "a Dash socket went away before its close", alreadyGone);
        }
    }

    /** The socket's URLs for {@code _dash-config.websocket}, when the app has websocket callbacks. */
    static Map<String, Object> configFor(MountedApp app, String appPath) {
        if (app.callbacks().callbacks().stream().noneMatch(Callback::websocket)) {
            return null;
        }
        var websocket = new LinkedHashMap<String, Object>();
        websocket.put("url", appPath + PATH);
        websocket.put("worker_url", appPath + SuiteFiles.url("dash/dash-renderer/build/dash-ws-worker.js"));
        websocket.put("enabled", false);
        return websocket;
    }

}
