package io.jdash.access;

import java.util.List;
import java.util.Locale;

/**
 * The host names this server answers for ({@code jdash.host-names}): a request whose {@code Host} names another is
 * refused, so a page of another site whose DNS name was pointed at this server (DNS rebinding) gets nothing — its
 * {@code Origin} and {@code Host} agree, so the same-origin check alone lets it through. Unset, every name is
 * answered.
 */
public final class HostNames {

    private HostNames() {
    }

    /** Whether {@code hostHeader} ({@code name} or {@code name:port}) is one of {@code names}; any, when none are set. */
    public static boolean allows(List<String> names, String hostHeader) {
        if (names.isEmpty()) {
            return true;
        }
        if (hostHeader == null || hostHeader.isBlank()) {
            return false;
        }
        String host = hostHeader.trim().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) { // an IPv6 literal: [::1]:8080
            int end = host.indexOf(']');
            host = end < 0 ? host : host.substring(0, end + 1);
        } else if (host.indexOf(':') >= 0) {
            host = host.substring(0, host.indexOf(':'));
        }
        for (String name : names) {
            if (name.trim().toLowerCase(Locale.ROOT).equals(host)) {
                return true;
            }
        }
        return false;
    }
}
