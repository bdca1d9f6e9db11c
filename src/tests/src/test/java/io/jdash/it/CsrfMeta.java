package io.jdash.it;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a test client does as the page's runtime does: read the CSRF token the page came with — its
 * {@code <meta name="jdash-csrf">} (JDash's older runtime) or its {@code jdash-csrf} cookie (a page on Dash's
 * renderer) — and send it as a header.
 */
final class CsrfMeta {

    static final String HEADER = "X-JDash-CSRF";
    private static final Pattern META = Pattern.compile("<meta name=\"jdash-csrf\" content=\"([^\"]*)\">");
    private static final Pattern COOKIE = Pattern.compile("jdash-csrf=([^;]*)(;.*)?");

    private CsrfMeta() {
    }

    /** The token of an app page; fails when the page carries none. */
    static String of(HttpResponse<String> page) {
        return of(page.body(), page.headers().allValues("Set-Cookie"));
    }

    /** The token of an app page's HTML or, where it has none, of its Set-Cookie headers; fails when neither has one. */
    static String of(String html, List<String> setCookies) {
        Matcher meta = META.matcher(html);
        if (meta.find()) {
            return meta.group(1);
        }
        for (String cookie : setCookies) {
            Matcher token = COOKIE.matcher(cookie);
            if (token.matches()) {
                return token.group(1);
            }
        }
        throw new AssertionError("the page carries no <meta name=\"jdash-csrf\"> and sets no jdash-csrf cookie");
    }
}
