package io.jdash.web;

import io.jdash.access.OwnerCookie;
import io.jdash.access.SameOrigin;
import io.jdash.background.jobs.BackgroundJobs;

import io.jdash.app.AppCatalog;
import io.jdash.app.MountedApp;
import io.jdash.callback.DashDependency;
import io.jdash.callback.RendererTransport;
import io.jdash.config.JDashConfig;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything under {@code <mount path>/<slug>/} (mapped by {@link JDashMount}): the page, {@code _dash-layout},
 * {@code _dash-dependencies}, {@code _dash-update-component}, the browser files under
 * {@code _dash-component-suites/}, the app's assets and the session's job API {@code _jdash-jobs/}.
 * Finds the app, then hands the request to the one piece that serves it. Whatever goes wrong is answered as JSON
 * {@code {"error"}}; no stack trace reaches the browser.
 */
public class AppServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(AppServlet.class.getName());
    /**
     * The path prefix, under the app's, of the requests of a page without the app's WebSocket: the page's start script
     * moves {@code requests_pathname_prefix} there, so that its callbacks are declared for Dash's HTTP protocol.
     */
    static final String HTTP_TRANSPORT = "_jdash-http/";

    @Inject
    AppCatalog catalog;

    @Inject
    BackgroundJobs jobs;

    @Inject
    CsrfGuard csrf;

    @Inject
    BodyDeadlines deadlines;

    private static final java.util.concurrent.atomic.AtomicBoolean WARNED_BLOCKING = new java.util.concurrent.atomic.AtomicBoolean();

    private final Map<String, String> rendererPages = new ConcurrentHashMap<>();
    private volatile List<ComponentSuites.Suite> suites;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            route(request, response);
        } catch (RuntimeException failure) {
            answerFailure(request, response, failure);
        }
    }

    /** Answers a request that failed: a refusal with its 4xx, anything else with 500 and a log line. */
    static void answerFailure(HttpServletRequest request, HttpServletResponse response, RuntimeException failure) {
        try {
            if (failure instanceof HttpError refused) {
                LOG.fine(() -> request.getMethod() + " " + request.getRequestURI() + " refused: " + refused.getMessage());
                Responses.error(response, refused.status(), refused.getMessage());
                if (refused.status() == 413) {
                    // sent now, before the container reads (and drops) what is left of the body; no Connection: close,
                    // which would reset a connection the client is still writing to and lose this very answer
                    response.flushBuffer();
                }
            } else {
                LOG.log(Level.SEVERE, request.getMethod() + " " + request.getRequestURI() + " failed", failure);
                Responses.error(response, 500, "internal error; the server log has the details");
            }
        } catch (IOException | IllegalStateException gone) { // the client went, or the answer had begun
            LOG.log(Level.FINE, "could not answer " + request.getMethod() + " " + request.getRequestURI(), gone);
        }
    }

    /**
     * Says once that request bodies are read the blocking way: a filter of the WAR on this path does not support
     * asynchronous requests ({@code <async-supported>true</async-supported>}), so each slow body holds a thread.
     */
    private static void warnBlockingReads(boolean asyncSupported) {
        if (WARNED_BLOCKING.compareAndSet(false, true)) {
            LOG.warning("callback request bodies are read with a blocking read, which holds a thread while a client"
                    + " sends slowly: " + (asyncSupported ? "the server has no managed scheduled executor"
                    : "a filter mapped to the JDash mount path does not support asynchronous requests; declare it"
                    + " <async-supported>true</async-supported>"));
        }
    }

    private void route(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean changes = !request.getMethod().equals("GET") && !request.getMethod().equals("HEAD");
        if (changes && !SameOrigin.allows(request.getHeader("Origin"), request.getHeader("Host"))) {
            throw new HttpError(403, "cross-site request refused: Origin " + request.getHeader("Origin")
                    + " is not this server");
        }
        // under the mount: the servlet of all apps there, or one app's own (JDashMount) at <mount>/<slug>/*
        String mount = JDashConfig.current().mountPath();
        String full = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        String path = full.startsWith(mount) ? full.substring(mount.length()) : "";
        String[] parts = path.split("/", 3); // "", slug, rest
        if (parts.length < 2 || parts[1].isEmpty()) {
            throw new HttpError(404, "no app named; each app is at " + mount + "/<slug>/");
        }
        MountedApp app = catalog.find(parts[1])
                .orElseThrow(() -> new HttpError(404, "no app named '" + parts[1] + "'"));
        if (parts.length == 2) { // before the role check: the app's own path, with its login, is where this leads
            response.sendRedirect(app.path(request.getContextPath()));
            return;
        }
        AppAccess.check(app, request);
        String rest = parts[2];
        RendererTransport transport = RendererTransport.SOCKET;
        if (rest.startsWith(HTTP_TRANSPORT)) { // a page without the app's WebSocket: its requests come by this prefix
            transport = RendererTransport.HTTP;
            rest = rest.substring(HTTP_TRANSPORT.length());
        }
        route(app, rest, transport, request, response);
    }

    private void route(MountedApp app, String rest, RendererTransport transport, HttpServletRequest request,
                       HttpServletResponse response) throws IOException {
        String[] parts = {"", app.slug(), rest};
        switch (parts[2]) {
            case "" -> {
                requireMethod(request, "GET");
                servePage(app, request, response);
            }
            case "_dash-layout" -> {
                requireMethod(request, "GET");
                Responses.json(response, 200, app.layout());
            }
            case "_dash-dependencies" -> {
                requireMethod(request, "GET");
                Responses.json(response, 200, DashDependency.of(app.callbacks().callbacks(), transport));
            }
            case ReloadHash.PATH -> {
                requireMethod(request, "GET");
                if (!JDashConfig.current().debug()) {
                    throw new HttpError(404, "hot reload is for debug mode (jdash.debug) only");
                }
                Responses.json(response, 200, ReloadHash.current());
            }
            case "_dash-update-component" -> {
                requireMethod(request, "POST");
                csrf.check(request);
                RequestBody.checkHeaders(request);
                JDashConfig config = JDashConfig.current();
                if (request.isAsyncSupported() && deadlines.available()) { // no thread waits while the body comes
                    AsyncRequestBody.read(request, response, config.maxRequestBytes(), config.requestBodyTimeout(),
                            deadlines, body -> CallbackEndpoint.handle(app, jobs, transport, body, request, response));
                } else {
                    warnBlockingReads(request.isAsyncSupported());
                    CallbackEndpoint.handle(app, jobs, transport, RequestBody.readJson(request), request, response);
                }
            }
            default -> {
                if (parts[2].startsWith(AppAssets.PATH)) {
                    requireMethod(request, "GET");
                    AppAssets.serve(getServletContext(), app.app().assetsFolder(), parts[2].substring(AppAssets.PATH.length()),
                            request, response);
                    return;
                }
                if (parts[2].startsWith(SuiteFiles.PATH)) {
                    requireMethod(request, "GET");
                    SuiteFiles.serve(parts[2].substring(SuiteFiles.PATH.length()), request, response);
                    return;
                }
                if (!app.app().pages().isEmpty() && !parts[2].startsWith("_") && request.getMethod().equals("GET")) {
                    servePage(app, request, response); // a page of a multi-page app: the same index page
                    return;
                }
                if (!parts[2].startsWith(JobEndpoint.PATH)) {
                    throw new HttpError(404, "app " + app.slug() + " has nothing at " + parts[2]);
                }
                JobEndpoint.handle(jobs, csrf, app.slug(), parts[2].substring(JobEndpoint.PATH.length()), request, response);
            }
        }
    }

    /**
     * The app's index page (Dash's renderer's), with the owner cookie and the CSRF cookie. An app whose layout has a
     * component of a namespace no suite provides cannot be shown: the answer says which, the log too.
     */
    private void servePage(MountedApp app, HttpServletRequest request, HttpServletResponse response) throws IOException {
        var known = ComponentSuites.namespaces(suites());
        var unknown = app.layout().descendantsAndSelf().stream().map(io.jdash.layout.Component::namespace)
                .filter(namespace -> !known.contains(namespace)).distinct().toList();
        if (!unknown.isEmpty()) {
            LOG.severe(() -> "app " + app.slug() + " has components of " + unknown + ", which no component suite of"
                    + " this WAR provides (component-suites.json); see docs/guide.md, \"The layout\"");
            throw new HttpError(500, "app " + app.slug() + " has components no component suite provides: "
                    + String.join(", ", unknown));
        }
        String owner = OwnerCookie.of(request, response); // the page's WebSocket and jobs belong to it
        jobs.seenFrom(owner, request.getRemoteAddr());
        csrf.setCookie(request, response, owner);
        Responses.html(response, rendererPages.computeIfAbsent(app.slug(), slug ->
                RendererPage.render(app, request.getContextPath(), suites(),
                        AppAssets.list(getServletContext(), app.app().assetsFolder()))));
    }

    /** The suites of every {@code component-suites.json} the servlet's class loader sees (the jar's and the WAR's). */
    private List<ComponentSuites.Suite> suites() {
        if (suites == null) {
            suites = ComponentSuites.load(AppServlet.class.getClassLoader());
        }
        return suites;
    }

    private static void requireMethod(HttpServletRequest request, String method) {
        if (!request.getMethod().equals(method) && !(method.equals("GET") && request.getMethod().equals("HEAD"))) {
            throw new HttpError(405, request.getMethod() + " is not allowed here; use " + method);
        }
    }
}
