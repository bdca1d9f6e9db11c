package io.jdash.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dash's ctx.cookies, ctx.headers and ctx.response.set_cookie, without JDash's own credentials. */
class CallbackHttpTest {

    @Test
    void jdashsOwnCookiesAndTheCookieHeaderAreNotShown() {
        var http = new CallbackHttp(Map.of("jdash-owner", "secret", "jdash-csrf", "token", "theme", "dark"),
                Map.of("User-Agent", "Chromium", "Cookie", "jdash-owner=secret"));

        assertEquals(Map.of("theme", "dark"), http.cookies());
        assertEquals(Map.of("user-agent", "Chromium"), http.headers());
    }

    @Test
    void aCallbackSetsCookiesButNotJDashsOrMalformedOnes() {
        var http = new CallbackHttp(Map.of(), Map.of());
        var args = new CallbackArgs(List.of(), new CallbackContext(List.of(), Map.of(), Map.of(), null, null, null, http));

        args.context().setCookie("theme", "light");

        assertEquals(List.of(new CallbackHttp.ResponseCookie("theme", "light", null)), http.responseCookies());
        assertThrows(IllegalArgumentException.class, () -> http.setCookie("jdash-owner", "x"));
        assertThrows(IllegalArgumentException.class, () -> http.setCookie("a b", "x"));
        assertThrows(IllegalArgumentException.class, () -> http.setCookie("theme", "x; Path=/"));
    }

    @Test
    void aBackgroundJobHasNoRequestToSetACookieOn() {
        var context = new CallbackContext(List.of(), Map.of(), Map.of());

        assertEquals(Map.of(), context.cookies());
        assertThrows(IllegalStateException.class, () -> context.setCookie("theme", "x"));
    }
}
