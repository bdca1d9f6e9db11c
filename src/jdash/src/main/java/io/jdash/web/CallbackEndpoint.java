package io.jdash.web;

import io.jdash.background.jobs.BackgroundJobs;
import io.jdash.json.JsonCodec;
import io.jdash.json.JsonRefusal;

import io.jdash.app.MountedApp;
import io.jdash.background.JobHop;
import io.jdash.callback.BadCallbackRequest;
import io.jdash.callback.Callback;
import io.jdash.callback.CallbackFailure;
import io.jdash.callback.CallbackHttp;
import io.jdash.callback.CallbackInvoker;
import io.jdash.callback.CallbackResult;
import io.jdash.callback.RendererTransport;
import io.jdash.callback.SocketCallbacks;
import io.jdash.callback.UpdateRequest;
import io.jdash.callback.UpdateResponse;
import io.jdash.config.JDashConfig;
import jakarta.json.bind.JsonbException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /apps/<slug>/_dash-update-component}: decodes the request, runs the callback it names and
 * answers {@code 200 {multi, response}}, {@code 204} for PreventUpdate, {@code 4xx} for a request that does not
 * fit, and {@code 500 {"error"}} when the callback's own code fails (logged with its stack trace). A background
 * callback follows Dash's HTTP polling protocol ({@link DashBackgroundPolling}): the pages that reach it this way have
 * no socket (their background callbacks are declared for HTTP), and any other client of Dash's protocol may use it.
 */
final class CallbackEndpoint {

    private static final Logger LOG = Logger.getLogger(CallbackEndpoint.class.getName());

    private CallbackEndpoint() {
    }

    /** Answers the callback request whose body is {@code body} (read by {@link AsyncRequestBody}). */
    static void handle(MountedApp app, BackgroundJobs jobs, RendererTransport transport, byte[] body,
                       HttpServletRequest request, HttpServletResponse response) throws IOException {
        long accepted = JobHop.now();
        UpdateRequest update = decode(body);
        DashBackgroundPolling.cancelNamedJobs(jobs, request);
        if (SocketCallbacks.cancelInputNamed(update.output(), app.callbacks().callbacks()).isPresent()) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT); // a cancel callback: its cancelJob did the work
            return;
        }
        Callback callback = app.callbacks().find(update.output())
                .orElseThrow(() -> new HttpError(404, "app " + app.slug() + " has no callback with output " + update.output()));
        if (callback.isClientside()) {
            throw new HttpError(400, "callback " + callback.id() + " is a clientside callback: the browser runs it");
        }
        if (callback.isBackground()) { // a page without the app's socket (or a client of Dash's HTTP protocol)
            DashBackgroundPolling.handle(app, jobs, callback, update, request, response, accepted);
            return;
        }
        CallbackResult result;
        CallbackHttp http = httpOf(request);
        try {
            result = CallbackInvoker.invoke(callback, update, http);
        } catch (BadCallbackRequest bad) {
            throw new HttpError(400, bad.getMessage());
        } catch (CallbackFailure failure) {
            LOG.log(Level.WARNING, "callback failed in app " + app.slug() + ": " + failure.getMessage(), failure.getCause());
            if (JDashConfig.current().debug()) {
                Responses.debugError(response, failure);
            } else {
                Responses.error(response, 500, failure.getMessage());
            }
            return;
        }
        for (CallbackHttp.ResponseCookie set : http.responseCookies()) {
            var cookie = new Cookie(set.name(), set.value());
            cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
            cookie.setHttpOnly(true);
            cookie.setSecure(request.isSecure());
            cookie.setAttribute("SameSite", "Lax");
            if (set.maxAge() != null) {
                cookie.setMaxAge((int) Math.min(Integer.MAX_VALUE, set.maxAge().toSeconds()));
            }
            response.addCookie(cookie);
        }
        if (result instanceof CallbackResult.Updated updated) {
            Responses.json(response, 200, UpdateResponse.of(updated.props()));
        } else {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        }
    }

    /** The request's cookies and headers, for Dash's {@code ctx.cookies} and {@code ctx.headers}. */
    private static CallbackHttp httpOf(HttpServletRequest request) {
        var cookies = new LinkedHashMap<String, String>();
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                cookies.putIfAbsent(cookie.getName(), cookie.getValue());
            }
        }
        var headers = new LinkedHashMap<String, String>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, String.join(", ", Collections.list(request.getHeaders(name))));
        }
        return new CallbackHttp(cookies, headers);
    }

    private static UpdateRequest decode(byte[] body) {
        UpdateRequest update;
        try {
            update = JsonCodec.fromUntrustedJson(body, UpdateRequest.class);
        } catch (JsonbException | ClassCastException | IllegalArgumentException malformed) {
            throw new HttpError(400, "the body is not a callback request: " + JsonRefusal.describe(malformed));
        }
        if (update == null || update.output() == null || update.output().isBlank()) {
            throw new HttpError(400, "the body must name the callback in \"output\"");
        }
        return update;
    }
}
