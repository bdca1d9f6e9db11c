package io.jdash.access;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code jdash-owner} cookie: a random 128-bit value (32 lowercase hex digits) naming whose jobs are whose.
 * It lives in the browser only, so ownership survives a restart or crash of the server, which an HTTP session
 * does not. It is {@code HttpOnly} and {@code SameSite=Lax}, {@code Secure} when the request came over TLS
 * (also behind a proxy when WildFly's {@code proxy-address-forwarding} is on), and has no {@code Max-Age}: the
 * browser keeps it until it closes, as long as a page can be waiting for a job; a job record outlives its end
 * by minutes only, so a longer life would keep a bearer secret around with nothing to show for it.
 * A value that is not 32 lowercase hex digits is ignored and a fresh one issued.
 */
public final class OwnerCookie {

    public static final String NAME = "jdash-owner";
    private static final Pattern VALID = Pattern.compile("[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private OwnerCookie() {
    }

    /** The request's owner, or a fresh one set on the response when it has none (or a malformed one). */
    public static String of(HttpServletRequest request, HttpServletResponse response) {
        String owner = read(request);
        if (owner == null) {
            owner = next();
            var cookie = new Cookie(NAME, owner);
            cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
            cookie.setHttpOnly(true);
            cookie.setSecure(request.isSecure());
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
        }
        return owner;
    }

    /** The request's well-formed owner, or {@code null} (nothing is owned by it then). */
    public static String read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (cookie.getName().equals(NAME) && valid(cookie.getValue())) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    /**
     * The well-formed owner in a WebSocket handshake's {@code Cookie} headers, or {@code null}. A handshake is no
     * servlet request, so the header is read here: {@code name=value} pairs separated by {@code ;}.
     */
    public static String fromCookieHeaders(List<String> headers) {
        if (headers == null) {
            return null;
        }
        for (String header : headers) {
            for (String pair : header.split(";")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && pair.substring(0, equals).trim().equals(NAME)) {
                    String value = unquote(pair.substring(equals + 1).trim());
                    if (valid(value)) {
                        return value;
                    }
                }
            }
        }
        return null;
    }

    static boolean valid(String value) {
        return value != null && VALID.matcher(value).matches();
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    private static String next() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
