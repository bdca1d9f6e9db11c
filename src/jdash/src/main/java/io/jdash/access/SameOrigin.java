package io.jdash.access;

import java.net.URI;
import java.util.Locale;

/**
 * The cross-site check of requests that change something (callbacks, cancels) and of socket handshakes: a
 * browser sends {@code Origin} with them, and it must name this server, the one in {@code Host}. A request
 * without {@code Origin} comes from no browser page (curl, a test client) and is let through; cookies are
 * {@code SameSite=Lax} besides, and a JSON body already forces a cross-site page into a CORS preflight.
 */
public final class SameOrigin {

    private SameOrigin() {
    }

    /** True when {@code origin} is absent or names the same host and port as {@code host}. */
    public static boolean allows(String origin, String host) {
        if (origin == null || origin.isBlank()) {
            return true;
        }
        if (host == null || origin.equals("null")) {
            return false;
        }
        try {
            URI uri = URI.create(origin.trim());
            if (uri.getHost() == null) {
                return false;
            }
            int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            String originHostPort = uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
            String hostPort = host.toLowerCase(Locale.ROOT).trim();
            if (!hostPort.contains(":") || hostPort.endsWith("]")) {
                hostPort = hostPort + ":" + port;
            }
            return originHostPort.equals(hostPort);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
