package io.jdash.push;

import io.jdash.access.OwnerCookie;
import io.jdash.access.SameOrigin;
import io.jdash.background.jobs.BackgroundJobs;
import io.jdash.json.JsonCodec;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbException;
import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code /apps/<slug>/_jdash-push}: a page's socket. It carries the events of the page's owner's jobs to
 * the page, and the page's cancel requests back. The socket belongs to the owner cookie of its handshake; a
 * handshake without one (or from another site) is closed at once.
 */
@ServerEndpoint(value = "/apps/{slug}/_jdash-push", configurator = PushEndpoint.OwnerFromCookie.class)
public class PushEndpoint {

    private static final Logger LOG = Logger.getLogger(PushEndpoint.class.getName());
    private static final String OWNER = "io.jdash.owner";

    @Inject
    PushHub hub;

    @Inject
    BackgroundJobs jobs;

    /** Reads the owner from the handshake's {@code Cookie} header. */
    public static class OwnerFromCookie extends ServerEndpointConfig.Configurator {
        @Override
        public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
            String owner = OwnerCookie.fromCookieHeaders(all(request, "Cookie"));
            String origin = first(request, "Origin");
            if (!SameOrigin.allows(origin, first(request, "Host"))) {
                owner = null; // a page of another site: the socket is closed at once, as without a cookie
            }
            if (owner == null) {
                config.getUserProperties().remove(OWNER);
            } else {
                config.getUserProperties().put(OWNER, owner);
            }
        }
    }

    private static String first(HandshakeRequest request, String header) {
        List<String> values = all(request, header);
        return values.isEmpty() ? null : values.get(0);
    }

    private static List<String> all(HandshakeRequest request, String header) {
        for (var entry : request.getHeaders().entrySet()) {
            if (entry.getKey().equalsIgnoreCase(header) && entry.getValue() != null) {
                return entry.getValue();
            }
        }
        return List.of();
    }

    @OnOpen
    public void open(Session socket, EndpointConfig config, @PathParam("slug") String slug) throws IOException {
        String owner = (String) config.getUserProperties().get(OWNER);
        if (owner == null) {
            socket.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "no owner cookie: load the page first"));
            return;
        }
        socket.getUserProperties().put(OWNER, owner);
        hub.connect(socket, owner, slug);
    }

    @OnMessage(maxMessageSize = 4096)
    public void command(Session socket, String text) {
        String owner = (String) socket.getUserProperties().get(OWNER);
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

    @OnClose
    public void close(Session socket) {
        String owner = (String) socket.getUserProperties().get(OWNER);
        if (owner != null) {
            hub.disconnect(socket, owner);
        }
    }

    @OnError
    public void error(Session socket, Throwable failure) {
        LOG.log(Level.FINE, "socket error", failure);
        close(socket);
    }
}
