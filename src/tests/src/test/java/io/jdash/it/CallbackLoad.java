package io.jdash.it;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;

/**
 * The benchmark's ordinary-callback load: the {@code hello} app's callback from N visitors at once, each with
 * its own owner cookie and CSRF token (from its own page load), one request at a time and the next sent as soon
 * as the answer is back, as a browser tab does. Every answer must be 200 with that visitor's own output.
 * <p>
 * All visitors share one Apache HttpClient 5 asynchronous client (HTTP/1.1, one kept-alive connection per visitor,
 * two I/O threads): the client shares the server's two cores. The JDK's {@code java.net.http.HttpClient}, one per
 * visitor (this benchmark's first client), spent more CPU than the server it measured: 6,600 callbacks/s at 64
 * connections where {@code wrk} measured 22,000 against the same warm server; one shared JDK client driven
 * asynchronously did worse still (4,500/s, the client at 112 % CPU, the server at 31 %).
 */
final class CallbackLoad implements AutoCloseable {

    /** What one level measured: completed callbacks while measuring, over how long, and their latency (µs). */
    record Result(long callbacks, double seconds, Histogram latencyMicros) {
        double perSecond() {
            return callbacks / seconds;
        }
    }

    private record Visitor(int id, String cookie, String csrf) {
    }

    private final URI page;
    private final URI endpoint;
    private final CloseableHttpAsyncClient client = HttpAsyncClients.custom()
            .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(2).build())
            .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(1024).setMaxConnPerRoute(1024).build())
            .disableCookieManagement().disableAutomaticRetries().disableRedirectHandling().build();
    private final List<Visitor> visitors = new ArrayList<>();

    CallbackLoad(URL base) {
        this.page = URI.create(base.toString()).resolve("/apps/hello/");
        this.endpoint = page.resolve("_dash-update-component");
        client.start();
    }

    /** Runs {@code connections} visitors for {@code warmUp} unrecorded, then {@code measure} recorded. */
    Result run(int connections, Duration warmUp, Duration measure) throws Exception {
        while (visitors.size() < connections) {
            visitors.add(newVisitor(visitors.size()));
        }
        var recorder = new Recorder(TimeUnit.SECONDS.toMicros(60), 3);
        var completed = new AtomicLong();
        var measuring = new AtomicBoolean();
        var running = new AtomicBoolean(true);
        var failure = new AtomicReference<String>();
        var stopped = new CountDownLatch(connections);
        for (int v = 0; v < connections; v++) {
            send(visitors.get(v), new AtomicLong(), running, measuring, recorder, completed, failure, stopped);
        }
        Thread.sleep(warmUp.toMillis());
        recorder.reset();
        completed.set(0);
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep(measure.toMillis());
        // a window too short for one answer on a busy machine (the smoke run's 500 ms) measures on to the first
        long cap = start + TimeUnit.SECONDS.toNanos(10);
        while (completed.get() == 0 && System.nanoTime() < cap && failure.get() == null) {
            Thread.sleep(10);
        }
        measuring.set(false);
        double seconds = (System.nanoTime() - start) / 1e9;
        long done = completed.get();
        Histogram latency = recorder.getIntervalHistogram();
        running.set(false);
        if (!stopped.await(60, TimeUnit.SECONDS)) {
            throw new AssertionError("hello callbacks still unanswered 60 s after the load stopped");
        }
        if (failure.get() != null) {
            throw new AssertionError("a hello callback failed at " + connections + " connections: " + failure.get());
        }
        return new Result(done, seconds, latency);
    }

    /** Sends the visitor's next callback; its answer sends the one after, until {@code running} is false. */
    private void send(Visitor visitor, AtomicLong sent, AtomicBoolean running, AtomicBoolean measuring,
                      Recorder recorder, AtomicLong completed, AtomicReference<String> failure, CountDownLatch stopped) {
        if (!running.get() || failure.get() != null) {
            stopped.countDown();
            return;
        }
        String value = "c" + visitor.id() + "-" + sent.incrementAndGet();
        String body = "{\"output\":\"my-output.children\",\"inputs\":[{\"id\":\"my-input\",\"property\":\"value\","
                + "\"value\":\"" + value + "\"}],\"changedPropIds\":[\"my-input.value\"]}";
        SimpleHttpRequest request = SimpleRequestBuilder.post(endpoint).setBody(body, ContentType.APPLICATION_JSON)
                .addHeader("Cookie", visitor.cookie()).addHeader(CsrfMeta.HEADER, visitor.csrf()).build();
        long start = System.nanoTime();
        client.execute(request, new FutureCallback<SimpleHttpResponse>() {
            @Override
            public void completed(SimpleHttpResponse answer) {
                if (answer.getCode() != 200 || !answer.getBodyText().contains("Output: " + value + "\"")) {
                    failure.compareAndSet(null, answer.getCode() + " " + answer.getBodyText());
                } else if (measuring.get()) {
                    recorder.recordValue((System.nanoTime() - start) / 1000);
                    completed.incrementAndGet();
                }
                next();
            }

            @Override
            public void failed(Exception error) {
                failure.compareAndSet(null, error.toString());
                next();
            }

            @Override
            public void cancelled() {
                failure.compareAndSet(null, "cancelled");
                next();
            }

            private void next() {
                send(visitor, sent, running, measuring, recorder, completed, failure, stopped);
            }
        });
    }

    /** A new visitor: its own page load, so its own owner cookie and the CSRF token that goes with it. */
    private Visitor newVisitor(int id) throws Exception {
        SimpleHttpResponse loaded = client.execute(SimpleRequestBuilder.get(page).build(), null).get(30, TimeUnit.SECONDS);
        if (loaded.getCode() != 200) {
            throw new AssertionError("GET " + page + " answered " + loaded.getCode());
        }
        List<String> setCookies = Arrays.stream(loaded.getHeaders("Set-Cookie")).map(Header::getValue).toList();
        String cookie = setCookies.stream().filter(value -> value.startsWith("jdash-owner=")).findFirst()
                .orElseThrow(() -> new AssertionError("the page set no jdash-owner cookie"));
        return new Visitor(id, cookie.split(";", 2)[0], CsrfMeta.of(setCookies));
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
