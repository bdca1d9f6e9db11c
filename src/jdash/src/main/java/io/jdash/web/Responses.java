package io.jdash.web;

import io.jdash.json.JsonCodec;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes JSON and HTML answers with the right content type and no caching surprises. */
final class Responses {

    private Responses() {
    }

    static void json(HttpServletResponse response, int status, Object body) throws IOException {
        write(response, status, "application/json", JsonCodec.toJson(body));
    }

    static void error(HttpServletResponse response, int status, String message) throws IOException {
        json(response, status, new ErrorBody(message));
    }

    /**
     * Debug mode's answer to a failed callback, as Dash's debugger gives it: {@code 500} with the stack trace as
     * escaped HTML, which the renderer's dev tools show in their error list. Never in production.
     */
    static void debugError(HttpServletResponse response, Throwable failure) throws IOException {
        var trace = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(trace));
        write(response, 500, "text/html", "<pre>" + HtmlText.escape(trace.toString()) + "</pre>");
    }

    static void html(HttpServletResponse response, String html) throws IOException {
        write(response, HttpServletResponse.SC_OK, "text/html", html);
    }

    static void text(HttpServletResponse response, String text) throws IOException {
        write(response, HttpServletResponse.SC_OK, "text/plain", text);
    }

    private static void write(HttpServletResponse response, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(type);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
