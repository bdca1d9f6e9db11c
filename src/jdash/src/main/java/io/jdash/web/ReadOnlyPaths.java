package io.jdash.web;

import io.jdash.config.JDashConfig;

/**
 * Outside the mount path ({@code jdash.mount-path}, {@code /apps} by default: the gallery at {@code /}, the runtime
 * and vendor files) JDash only serves reads: {@code GET} and {@code HEAD}. Without this rule the servlet API
 * answered any other method itself, as an HTML page: {@code 405} for {@code POST}, {@code PUT} or {@code DELETE},
 * and {@code 501} for a method it does not know ({@code PATCH}, {@code PROPFIND}, {@code FOO}), which the
 * whole-request fuzzer counts as a server error. {@link SecurityHeadersFilter} answers them {@code 405 {"error"}}
 * instead. The mount path answers every method itself ({@link AppServlet}).
 */
final class ReadOnlyPaths {

    /** What the {@code Allow} header of a refusal says. */
    static final String ALLOWED = "GET, HEAD";

    private ReadOnlyPaths() {
    }

    /** Whether a request for {@code servletPath} with {@code method} may go on to the servlet. */
    static boolean allows(String servletPath, String method) {
        String mount = JDashConfig.current().mountPath();
        return servletPath.equals(mount) || servletPath.startsWith(mount + "/") // an app's own servlet (JDashMount)
                || method.equals("GET") || method.equals("HEAD");
    }
}
