package io.jdash.push;

import io.jdash.background.jobs.BackgroundJobs;
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
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code <mount path>/<slug>/_jdash-push}: a page's socket. It carries the events of the page's owner's jobs to
 * the page, and the page's cancel requests back. The socket belongs to the owner cookie of its handshake; a
 * handshake without one (or from another site) is closed at once. A programmatic endpoint, so its path follows
 * {@code jdash.mount-path}: {@link #config} is what {@code io.jdash.web.JDashMount} deploys.
 */
public final class PushEndpoint extends Endpoint {

    /** The socket's last path segment, under the app's path. */
    public static final String PATH = "_jdash-push";
    /** The longest command a page may send (a cancel is under 100 characters); a longer one closes the socket (1009). */
    static final int MAX_COMMAND_CHARS = 4096;

    private static final Logger LOG = Logger.getLogger(PushEndpoint.class.getName());
    private static final String OWNER = "io.jdash.owner";

    private final PushHub hub;
    private final BackgroundJobs jobs;

    private PushEndpoint(PushHub hub, BackgroundJobs jobs) {
        this.hub = hub;
        this.jobs = jobs;
    }

    /** The endpoint at {@code <mountPath>/{slug}/_jdash-push}, each socket served by {@code hub} and {@code jobs}. */
    public static ServerEndpointConfig config(String mountPath, PushHub hub, BackgroundJobs jobs) {
        return ServerEndpointConfig.Builder.create(PushEndpoint.class, mountPath + "/{slug}/" + PATH)
                .configurator(new Handshake(hub, jobs))
                .build();
    }

    /** Reads the owner from the handshake's {@code Cookie} header, and makes each socket's endpoint. */
    private static final class Handshake extends ServerEndpointConfig.Configurator {

        private final PushHub hub;
        private final BackgroundJobs jobs;

        Handshake(PushHub hub, BackgroundJobs jobs) {
            this.hub = hub;
            this.jobs = jobs;
        }

        @Override
        public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
            String owner = new SocketHandshake(request).owner(); // none from another site: closed at once
            if (owner == null) {
                config.getUserProperties().remove(OWNER);
            } else {
                config.getUserProperties().put(OWNER, owner);
            }
        }

        @Override
        public <T> T getEndpointInstance(Class<T> type) {
            return type.cast(new PushEndpoint(hub, jobs));
        }
    }

    @Override
    public void onOpen(Session socket, EndpointConfig config) {
        String owner = (String) config.getUserProperties().get(OWNER);
        if (owner == null) {
            try {
                socket.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "no owner cookie: load the page first"));
            } catch (IOException alreadyGone) {
                LOG.log(Level.FINE, "a socket without an owner went away before its close", alreadyGone);
            }
            return;
        }
        socket.getUserProperties().put(OWNER, owner);
        socket.setMaxTextMessageBufferSize(MAX_COMMAND_CHARS);
        socket.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> command(owner, text));
        hub.connect(socket, owner, socket.getPathParameters().get("slug"));
    }

    private void command(String owner, String text) {
        try {
            PushCommand command = JsonCodec.fromUntrustedJson(text, PushCommand.class);
            if (command != null && "cancel".equals(command.type()) && command.job() != null) {
                jobs.cancel(owner, command.job());
            } else {
                LOG.fine(() -> "ignoring an unknown socket command: " + text);
            }
        } catch (JsonbException | ClassCastException malformed) {
            LOG.fine(() -> "ignoring a malformed socket command: " + malformed.getMessage());
        }
    }

    @Override
    public void onClose(Session socket, CloseReason reason) {
        String owner = (String) socket.getUserProperties().get(OWNER);
        if (owner != null) {
            hub.disconnect(socket, owner);
        }
    }

    @Override
    public void onError(Session socket, Throwable failure) {
        LOG.log(Level.FINE, "socket error", failure);
        onClose(socket, null);
    }
}
