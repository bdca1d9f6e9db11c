package io.jdash.web;

import io.jdash.access.HostNames;
import io.jdash.access.SameOrigin;
import io.jdash.config.JDashConfig;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Security headers on every answer: a Content-Security-Policy that allows scripts from this server only (no
 * inline script: the page's data travels in a {@code type="application/json"} block, which never runs),
 * styles inline too (Plotly.js and AG Grid inject theirs), and sockets and fetches to this server only;
 * plus no MIME sniffing, no referrer outside the site and no framing. Refuses writes outside the mount path
 * ({@link ReadOnlyPaths}) with {@code 405 {"error"}}.
 *
 * <p>Declared in the jar's {@code META-INF/web-fragment.xml} as {@code jdash-security-headers} on JDash's own
 * paths only (the mount path, mapped by {@link JDashMount}, {@code /runtime/*}, {@code /vendor/*}), so the host
 * WAR's other servlets are left
 * as they are; a WAR that wants the same headers everywhere maps that filter name to {@code /*} in its web.xml
 * (the gallery does).
 */
public class SecurityHeadersFilter extends HttpFilter {

    /** The filter's name in the jar's web-fragment.xml (a WAR maps it on other paths by this name). */
    public static final String NAME = "jdash-security-headers";

    private static final long serialVersionUID = 1L;

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Frame-Options", "DENY");
        if (!HostNames.allows(JDashConfig.current().hostNames(), request.getHeader("Host"))) {
            // a name this server was not given (jdash.host-names): DNS rebinding, or a misdirected request
            Responses.error(response, 421, "this server does not answer for the host name this request names");
            return;
        }
        if ("websocket".equalsIgnoreCase(request.getHeader("Upgrade"))
                && !SameOrigin.allows(request.getHeader("Origin"), request.getHeader("Host"))) {
            // refused at the handshake, before the upgrade: a page of another site never gets a socket (issue 15)
            Responses.error(response, 403, "a socket of this site may be opened only from its own pages (Origin "
                    + "is not this server)");
            return;
        }
        if (!ReadOnlyPaths.allows(request.getServletPath(), request.getMethod())) {
            response.setHeader("Allow", ReadOnlyPaths.ALLOWED);
            Responses.error(response, 405, request.getMethod() + " is not allowed here; use " + ReadOnlyPaths.ALLOWED);
            return;
        }
        chain.doFilter(request, response);
    }
}
