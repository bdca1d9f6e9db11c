package io.jdash.push;

import io.jdash.access.OwnerCookie;
import io.jdash.access.SameOrigin;
import jakarta.websocket.server.HandshakeRequest;
import java.util.List;

/** What a socket's opening request says that JDash reads: its headers (named in any case) and whose page it is. */
final class SocketHandshake {

    private final HandshakeRequest request;

    SocketHandshake(HandshakeRequest request) {
        this.request = request;
    }

    /** Every value of the header, whatever the case of its name; empty when absent. */
    List<String> all(String header) {
        for (var entry : request.getHeaders().entrySet()) {
            if (entry.getKey().equalsIgnoreCase(header) && entry.getValue() != null) {
                return entry.getValue();
            }
        }
        return List.of();
    }

    /** The header's first value, or null. */
    String first(String header) {
        List<String> values = all(header);
        return values.isEmpty() ? null : values.get(0);
    }

    /** The owner cookie's value when the request comes from a page of this site (its Origin), else null. */
    String owner() {
        String owner = OwnerCookie.fromCookieHeaders(all("Cookie"));
        return SameOrigin.allows(first("Origin"), first("Host")) ? owner : null;
    }
}
