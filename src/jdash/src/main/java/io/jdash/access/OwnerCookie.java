package io.jdash.access;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The owner cookie, naming whose jobs are whose: a random 128-bit owner (32 lowercase hex digits) and the server's
 * signature of it, {@code <owner>.<signature>} (HMAC-SHA256 under a key derived from the {@link ServerKey}, 128 bits,
 * URL-safe Base64). A value the server did not issue is ignored (a fresh owner is issued in its place), so no one
 * can pick an owner, or guess one. It lives in the browser only, so ownership survives a restart or crash of the
 * server, which an HTTP session does not; every node that shares the server key accepts it.
 * <p>
 * Over TLS (also behind a proxy when WildFly's {@code proxy-address-forwarding} is on) the cookie is
 * {@code __Host-jdash-owner}: {@code Secure}, {@code Path=/}, no {@code Domain}, which the browser lets no other
 * host (a subdomain) and no plain-HTTP page set, and only that name is read then. Over plain HTTP it is
 * {@code jdash-owner} with the context path. It is {@code HttpOnly} and {@code SameSite=Lax} and has no
 * {@code Max-Age}: the browser keeps it until it closes, as long as a page can be waiting for a job; a job record
 * outlives its end by minutes only, so a longer life would keep a bearer secret around with nothing to show for it.
 */
public final class OwnerCookie {

    /** The cookie's name over plain HTTP. */
    public static final String NAME = "jdash-owner";
    /** The cookie's name over TLS. */
    public static final String SECURE_NAME = "__Host-" + NAME;
    private static final Pattern SIGNED = Pattern.compile("([0-9a-f]{32})\\.([A-Za-z0-9_-]{22})");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static volatile OwnerCookie current;

    private final Hmac signatures;

    /** Owner cookies signed under a key derived from {@code serverKey} (so that they never equal a CSRF token). */
    public OwnerCookie(byte[] serverKey) {
        this.signatures = new Hmac(new Hmac(serverKey).of("jdash owner cookie"));
    }

    /** The request's owner, or a fresh one set on the response when it has none (or one the server did not issue). */
    public static String of(HttpServletRequest request, HttpServletResponse response) {
        String owner = read(request);
        if (owner == null) {
            owner = next();
            boolean secure = request.isSecure();
            var cookie = new Cookie(secure ? SECURE_NAME : NAME, current().signed(owner));
            cookie.setPath(secure || request.getContextPath().isEmpty() ? "/" : request.getContextPath());
            cookie.setHttpOnly(true);
            cookie.setSecure(secure);
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
        }
        return owner;
    }

    /** The owner of the request's cookie when the server issued it, or {@code null} (nothing is owned by it then). */
    public static String read(HttpServletRequest request) {
        String name = request.isSecure() ? SECURE_NAME : NAME;
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) { // a planted cookie of the same name (a longer path comes first) is skipped
                if (cookie.getName().equals(name)) {
                    String owner = current().verified(cookie.getValue());
                    if (owner != null) {
                        return owner;
                    }
                }
            }
        }
        return null;
    }

    /**
     * The owner in a WebSocket handshake's {@code Cookie} headers when the server issued it, or {@code null}; the
     * {@code __Host-} cookie first (only a TLS page of this host can have set it). A handshake is no servlet request,
     * so the header is read here: {@code name=value} pairs separated by {@code ;}.
     */
    public static String fromCookieHeaders(List<String> headers) {
        return current().fromHeaders(headers);
    }

    String fromHeaders(List<String> headers) {
        if (headers == null) {
            return null;
        }
        String plain = null;
        for (String header : headers) {
            for (String pair : header.split(";")) {
                int equals = pair.indexOf('=');
                String name = equals > 0 ? pair.substring(0, equals).trim() : "";
                if (name.equals(SECURE_NAME) || name.equals(NAME) && plain == null) {
                    String owner = verified(unquote(pair.substring(equals + 1).trim()));
                    if (owner != null && name.equals(SECURE_NAME)) {
                        return owner;
                    }
                    plain = plain == null ? owner : plain;
                }
            }
        }
        return plain;
    }

    /** The cookie value of {@code owner}: the owner and its signature. */
    String signed(String owner) {
        return owner + "." + signature(owner);
    }

    /** The owner of a cookie value this server issued, or {@code null} for any other value. */
    String verified(String value) {
        if (value == null) {
            return null;
        }
        Matcher parts = SIGNED.matcher(value);
        if (!parts.matches()) {
            return null;
        }
        byte[] expected = signature(parts.group(1)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, parts.group(2).getBytes(StandardCharsets.US_ASCII)) ? parts.group(1) : null;
    }

    private String signature(String owner) {
        byte[] tag = signatures.of(owner);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(tag, 16));
    }

    /** The cookies of this server's key. */
    private static OwnerCookie current() {
        OwnerCookie cookies = current;
        if (cookies == null) {
            synchronized (OwnerCookie.class) {
                if (current == null) {
                    current = new OwnerCookie(ServerKey.current());
                }
                cookies = current;
            }
        }
        return cookies;
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
