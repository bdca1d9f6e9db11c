package io.jdash.web;

import io.jdash.access.OwnerCookie;
import io.jdash.access.ServerKey;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The CSRF check of requests that change something (a callback POST, a job DELETE): header {@code X-JDash-CSRF}
 * must carry the token of the request's owner cookie, which the page got in the {@code jdash-csrf} cookie (Dash's
 * renderer reads it there).
 * The key lives in {@code ${jboss.server.data.dir}/jdash/csrf.key} (or system property {@code jdash.csrf-key}).
 */
@ApplicationScoped
public class CsrfGuard {

    public static final String HEADER = "X-JDash-CSRF";
    /** The cookie Dash's renderer reads the token from ({@code csrf_token_name} of its config); not HttpOnly for that. */
    public static final String COOKIE = "jdash-csrf";

    private volatile CsrfToken tokens;

    /** The token the page of {@code owner} sends back. */
    String tokenFor(String owner) {
        return tokens().of(owner);
    }

    /**
     * Gives a page its owner's token in the {@link #COOKIE} cookie, which the renderer
     * sends back in {@link #HEADER} (its {@code csrf_token_name} and {@code csrf_header_name}).
     */
    public void setCookie(HttpServletRequest request, HttpServletResponse response, String owner) {
        var cookie = new Cookie(COOKIE, tokenFor(owner));
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Strict");
        response.addCookie(cookie);
    }

    /** Refuses with 403 a request whose token is missing or is not its owner's. */
    public void check(HttpServletRequest request) {
        String owner = OwnerCookie.read(request);
        String presented = request.getHeader(HEADER);
        if (presented == null || presented.isEmpty()) {
            throw new HttpError(403, "missing " + HEADER + " header: load the page and send its jdash-csrf token");
        }
        if (!tokens().matches(owner, presented)) {
            throw new HttpError(403, "wrong " + HEADER + " token for this page's owner cookie: reload the page");
        }
    }

    private CsrfToken tokens() {
        CsrfToken current = tokens;
        if (current == null) {
            synchronized (this) {
                if (tokens == null) {
                    tokens = new CsrfToken(ServerKey.current());
                }
                current = tokens;
            }
        }
        return current;
    }
}
