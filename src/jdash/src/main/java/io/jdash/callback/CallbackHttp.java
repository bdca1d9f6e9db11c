package io.jdash.callback;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The HTTP side of an ordinary callback's call, Dash's {@code ctx.cookies}, {@code ctx.headers} and
 * {@code ctx.response.set_cookie(...)}: the request's cookies and headers (names lower-case), and the cookies the
 * callback sets on its response. JDash's own cookies ({@code jdash-owner}, {@code jdash-csrf}) are neither shown nor
 * settable: they are the page's credentials.
 */
public final class CallbackHttp {

    /** A cookie a callback sets: {@code HttpOnly}, {@code SameSite=Lax}, for the whole WAR; no max age: the session's. */
    public record ResponseCookie(String name, String value, Duration maxAge) {
    }

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern VALUE = Pattern.compile("[!#$%&'()*+\\-./0-9:<=>?@A-Z\\[\\]^_`a-z{|}~]*");
    private static final List<String> RESERVED = List.of("jdash-owner", "__Host-jdash-owner", "jdash-csrf");

    private final Map<String, String> cookies;
    private final Map<String, String> headers;
    private final List<ResponseCookie> responseCookies = Collections.synchronizedList(new ArrayList<>());

    public CallbackHttp(Map<String, String> cookies, Map<String, String> headers) {
        var visible = new TreeMap<>(cookies);
        RESERVED.forEach(visible::remove);
        this.cookies = Collections.unmodifiableMap(visible);
        var named = new TreeMap<String, String>();
        headers.forEach((name, value) -> {
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            if (!lower.equals("cookie")) {
                named.put(lower, value);
            }
        });
        this.headers = Collections.unmodifiableMap(named);
    }

    /** The request's cookies by name (JDash's own left out). */
    public Map<String, String> cookies() {
        return cookies;
    }

    /** The request's headers by lower-case name ({@code Cookie} left out: see {@link #cookies()}). */
    public Map<String, String> headers() {
        return headers;
    }

    /** Sets a cookie on the callback's response, as Dash's {@code ctx.response.set_cookie(name, value)}. */
    public void setCookie(String name, String value) {
        setCookie(name, value, null);
    }

    /** Sets a cookie that lasts {@code maxAge} ({@link Duration#ZERO} deletes it). */
    public void setCookie(String name, String value, Duration maxAge) {
        Objects.requireNonNull(value, "value");
        if (name == null || !TOKEN.matcher(name).matches() || RESERVED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("not a cookie name a callback may set: " + name);
        }
        if (!VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException("a cookie value holds no spaces, quotes, commas, semicolons or backslashes: "
                    + value);
        }
        responseCookies.add(new ResponseCookie(name, value, maxAge));
    }

    /** What the callback set, in order. */
    public List<ResponseCookie> responseCookies() {
        return List.copyOf(responseCookies);
    }
}
