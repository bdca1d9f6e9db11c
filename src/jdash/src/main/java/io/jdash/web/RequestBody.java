package io.jdash.web;

import io.jdash.config.JDashConfig;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * A JSON request body's checks: refused when it is not JSON (415), empty (400) or over the size limit (413), before
 * any of it is parsed; and its blocking read, for a request that cannot be asynchronous.
 */
final class RequestBody {

    private RequestBody() {
    }

    static long limit() {
        return JDashConfig.current().maxRequestBytes();
    }

    /** Refuses, before any of the body is read, a body that is not JSON (415) or declares a length over the limit (413). */
    static void checkHeaders(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new HttpError(415, "the body must be JSON (Content-Type: application/json), not " + type);
        }
        long limit = limit();
        if (request.getContentLengthLong() > limit) {
            throw new HttpError(413, "the body is " + request.getContentLengthLong() + " bytes; the limit is " + limit);
        }
    }

    /**
     * Reads the body with a blocking read, which holds the thread while the client sends: only where the request
     * cannot be asynchronous ({@link AsyncRequestBody} is the usual way).
     */
    static byte[] readJson(HttpServletRequest request) throws IOException {
        checkHeaders(request);
        long limit = limit();
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        // not closed here: closing the container's stream reads the rest of the body first, so a refused body would be
        // read to its end (a chunked one: as long as its client sends) before the 413 could go out
        InputStream in = request.getInputStream();
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + n > limit) {
                    throw new HttpError(413, "the body is over the limit of " + limit + " bytes");
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException endedEarly) {
            // the client closed before sending the Content-Length it declared: without this the container
            // answered its own 500 page (found by HttpFuzzIT's Content-Length mismatches)
            throw new HttpError(400, "the body ended before its declared Content-Length");
        }
        if (out.size() == 0) {
            throw new HttpError(400, "the body is empty; expected a JSON object");
        }
        return out.toByteArray();
    }
}
