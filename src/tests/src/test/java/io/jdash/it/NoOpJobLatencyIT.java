package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How long a no-op background job takes, from its request on the page's {@code _dash-ws} socket to that request's
 * answer (sent when the job ends), for each manager: sequential jobs of one page load, percentiles by HdrHistogram,
 * printed and written to target/bench/noop-latency-*.txt. A smoke run of that measurement: it checks every answer is
 * "ok" with the job's result, never a time bound (speed goals live in the benchmark, docs/benchmarks.md). More jobs:
 * -Djdash.bench.jobs=1000.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NoOpJobLatencyIT {

    private static final int JOBS = Integer.getInteger("jdash.bench.jobs", 200);
    private static final int WARMUP = 20;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWarWithTestApps();
    }

    @ArquillianResource
    URL base;

    @ParameterizedTest
    @ValueSource(strings = {"jms", "local"})
    void noOpJobsAreAnsweredOnTheSocketAndTheirLatencyIsReported(String manager) throws Exception {
        var histogram = new Histogram(TimeUnit.SECONDS.toMicros(10), 3);
        try (var renderer = RendererSocket.open(TestClient.open(base, "noop"))) {
            for (int i = 1; i <= WARMUP + JOBS; i++) {
                long micros = NoOpRequest.run(renderer, manager, i, Duration.ofSeconds(10)).micros();
                if (i > WARMUP) {
                    histogram.recordValue(micros);
                }
            }
        }
        String report = String.format("no-op background job, request on _dash-ws -> its answer, manager %s, %d sequential jobs:"
                        + " p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n", manager, JOBS,
                histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(90) / 1000.0,
                histogram.getValueAtPercentile(99) / 1000.0, histogram.getMaxValue() / 1000.0);
        System.out.print(report);
        Path out = Path.of("target", "bench", "noop-latency-" + manager + ".txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        assertEquals(JOBS, histogram.getTotalCount());
    }
}
