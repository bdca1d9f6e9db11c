package io.jdash.web;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads a request body with the Servlet API's non-blocking I/O: the container's worker thread goes back to its pool
 * while the body arrives, so a client that sends slowly holds no thread (33 clients sending a byte every 10 s held
 * every worker thread of the blocking read, and with them all HTTP), and the whole body must arrive within a total
 * time limit ({@code jdash.request-body-timeout-seconds}; past it {@code 408}), however often bytes trickle in.
 * Past the size limit the body is refused ({@code 413}) at once. Once it is whole, the handler runs on a container
 * thread ({@link AsyncContext#start}), and the exchange completes when it returns.
 * <p>
 * A refused body's answer is sent at once, and then what the client still sends is read and dropped for
 * {@link #LINGER} before the connection closes: a socket closed with bytes unread in its receive buffer is reset,
 * and the reset can reach the client before it has read the answer, which is then lost.
 */
final class AsyncRequestBody implements ReadListener {

    private static final Logger LOG = Logger.getLogger(AsyncRequestBody.class.getName());
    /** How long the rest of a refused body is read and dropped, so its client can read the refusal first. */
    static final Duration LINGER = Duration.ofSeconds(2);

    /** What is done with the whole body, on a container thread: answers the request (or throws {@link HttpError}). */
    interface Handler {
        void handle(byte[] body) throws IOException;
    }

    private enum Stage {
        /** The body is coming. */
        READING,
        /** The body is whole: the handler answers. */
        HANDLED,
        /** The body was refused: the answer went, the rest is dropped until the exchange completes. */
        REFUSED,
        /** The exchange is complete. */
        DONE
    }

    private final AsyncContext async;
    private final ServletInputStream in;
    private final long limit;
    private final Duration timeLimit;
    private final BodyDeadlines deadlines;
    private final Handler handler;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final byte[] buffer = new byte[8192];
    private final AtomicReference<Stage> stage = new AtomicReference<>(Stage.READING);
    private final AtomicBoolean completed = new AtomicBoolean();
    private volatile BodyDeadlines.Deadline deadline;

    private AsyncRequestBody(AsyncContext async, ServletInputStream in, long limit, Duration timeLimit,
                             BodyDeadlines deadlines, Handler handler) {
        this.async = async;
        this.in = in;
        this.limit = limit;
        this.timeLimit = timeLimit;
        this.deadlines = deadlines;
        this.handler = handler;
    }

    /**
     * Starts reading the request's body (at most {@code limit} bytes, within {@code timeLimit}) and returns at once;
     * {@code handler} gets the body when it is whole. The request must support asynchronous processing.
     */
    static void read(HttpServletRequest request, HttpServletResponse response, long limit, Duration timeLimit,
                     BodyDeadlines deadlines, Handler handler) throws IOException {
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(0); // the time limit is the body's alone (below), not the handler's, whose callback may be slow
        var reader = new AsyncRequestBody(async, request.getInputStream(), limit, timeLimit, deadlines, handler);
        reader.deadline = deadlines.after(timeLimit, reader::timedOut);
        reader.in.setReadListener(reader);
    }

    @Override
    public void onDataAvailable() throws IOException {
        while (in.isReady()) {
            int n = in.read(buffer);
            if (n < 0) {
                return; // onAllDataRead follows
            }
            Stage now = stage.get();
            if (now == Stage.READING) {
                if (body.size() + n > limit) {
                    refuse(new HttpError(413, "the body is over the limit of " + limit + " bytes"));
                } else {
                    body.write(buffer, 0, n);
                }
            } else if (now != Stage.REFUSED) {
                return;
            } // refused: dropped
        }
    }

    @Override
    public void onAllDataRead() {
        if (stage.compareAndSet(Stage.REFUSED, Stage.DONE)) {
            complete(); // the client sent the rest of a refused body: nothing more to wait for
            return;
        }
        if (!stage.compareAndSet(Stage.READING, Stage.HANDLED)) {
            return;
        }
        deadline.cancel();
        async.start(() -> {
            try {
                if (body.size() == 0) {
                    throw new HttpError(400, "the body is empty; expected a JSON object");
                }
                handler.handle(body.toByteArray());
            } catch (RuntimeException failure) {
                AppServlet.answerFailure((HttpServletRequest) async.getRequest(),
                        (HttpServletResponse) async.getResponse(), failure);
            } catch (IOException gone) {
                LOG.log(Level.FINE, "could not answer a request: its client is gone", gone);
            } finally {
                complete();
            }
        });
    }

    @Override
    public void onError(Throwable failure) {
        // the client closed before sending the Content-Length it declared (or the connection broke): no one to answer
        LOG.log(Level.FINE, "a request body ended early", failure);
        Stage was = stage.getAndSet(Stage.DONE);
        if (was == Stage.READING || was == Stage.REFUSED) {
            deadline.cancel();
            complete();
        }
    }

    private void timedOut() {
        refuse(new HttpError(408, "the body did not arrive within " + timeLimit.toSeconds()
                + " s (jdash.request-body-timeout-seconds); " + body.size() + " bytes came"));
    }

    /** Sends the refusal now, closing the connection after it; drops the rest for {@link #LINGER}, then completes. */
    private void refuse(HttpError refusal) {
        if (!stage.compareAndSet(Stage.READING, Stage.REFUSED)) {
            return;
        }
        deadline.cancel();
        LOG.fine(() -> "request body refused: " + refusal.getMessage());
        async.start(() -> {
            var response = (HttpServletResponse) async.getResponse();
            if (!response.isCommitted()) {
                response.setHeader("Connection", "close"); // the rest of this body is not worth waiting for
            }
            AppServlet.answerFailure((HttpServletRequest) async.getRequest(), response, refusal);
            try {
                response.flushBuffer();
            } catch (IOException gone) {
                LOG.log(Level.FINE, "could not send a refusal: the client is gone", gone);
            }
            deadline = deadlines.after(LINGER, () -> {
                if (stage.compareAndSet(Stage.REFUSED, Stage.DONE)) {
                    complete();
                }
            });
        });
    }

    private void complete() {
        if (completed.compareAndSet(false, true)) {
            async.complete();
        }
    }
}
