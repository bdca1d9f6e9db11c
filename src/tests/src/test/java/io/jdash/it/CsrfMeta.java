package io.jdash.it;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a test client does as Dash's renderer does: read the CSRF token the page came with, its {@code jdash-csrf}
 * cookie, and send it as a header.
 */
final class CsrfMeta {

    static final String HEADER = "X-JDash-CSRF";
    private static final Pattern COOKIE = Pattern.compile("jdash-csrf=([^;]*)(;.*)?");

    private CsrfMeta() {
    }

    /** The token of an app page; fails when the page carries none. */
    static String of(HttpResponse<String> page) {
        return of(page.headers().allValues("Set-Cookie"));
    }

    /** The token an app page's Set-Cookie headers carry; fails when they have none. */
    static String of(List<String> setCookies) {
        for (String cookie : setCookies) {
            Matcher token = COOKIE.matcher(cookie);
            if (token.matches()) {
                return token.group(1);
            }
        }
        throw new AssertionError("the page sets no jdash-csrf cookie");
    }
}
