package io.jdash.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class JDashConfigTest {

    private static Config config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(values, "test", 500)).build();
    }

    @Test
    void unsetKeysTakeTheDocumentedDefaults() {
        JDashConfig config = JDashConfig.from(config(Map.of("java.io.tmpdir", "/tmp/x")));
        assertEquals(new Fairness(100, 20, 300, 5000), config.fairness());
        assertEquals(Duration.ofMinutes(10), config.jobRetention());
        assertEquals(Duration.ofDays(1), config.jobRecordRetention());
        assertEquals(1024 * 1024, config.maxRequestBytes());
        assertEquals(10_000, config.maxPushBacklog());
        assertEquals(4L * 1024 * 1024, config.maxPushBacklogBytes());
        assertEquals(Duration.ofSeconds(30), config.pushSendTimeout());
        assertEquals(Optional.empty(), config.manager());
        assertEquals("java:jboss/datasources/JDashDS", config.datasource());
        assertEquals(Optional.empty(), config.csrfKey());
        assertEquals(Path.of("/tmp/x"), config.dataDirectory(), "outside WildFly the key lives in the temp directory");
        assertEquals("local", config.nodeName());
        assertEquals("/apps", config.mountPath());
        assertEquals(4, config.workers().of("BackgroundCallbacks"));
        assertEquals(Optional.of(Duration.ofHours(1)), config.jobLimits().expiryOf(null));
        assertEquals(Optional.of(Duration.ofHours(1)), config.jobLimits().timeLimitOf(null));
        assertEquals(Duration.ofSeconds(10), config.jobLimits().stopGrace());
        assertEquals(Duration.ofSeconds(60), config.jobLimits().absentOwnerGrace());
        assertEquals(List.of(), config.hostNames(), "every host name is answered");
        assertEquals(Optional.empty(), config.adminRole(), "the job admin view is off");
        assertEquals(32, config.maxSocketsPerOwner());
        assertEquals(2L * 1024 * 1024, config.maxResultBytes());
        assertEquals(java.time.Duration.ofSeconds(30), config.requestBodyTimeout());
        assertEquals(new NodeLiveness(Duration.ofSeconds(5), Duration.ofSeconds(30)), config.nodes());
        assertEquals(Optional.empty(), config.brokerLogin(), "the connection factory's own login");
    }

    @Test
    void aCallbacksOwnExpiryAndTimeLimitWinAndZeroMeansNone() {
        JDashConfig config = JDashConfig.from(config(Map.of("java.io.tmpdir", "/tmp/x", "jdash.job-expiry-seconds", "0",
                "jdash.job-time-limit-seconds", "90", "jdash.job-stop-grace-seconds", "0")));
        assertEquals(Optional.empty(), config.jobLimits().expiryOf(null), "0: queued jobs never expire");
        assertEquals(Optional.of(Duration.ofSeconds(5)), config.jobLimits().expiryOf(Duration.ofSeconds(5)));
        assertEquals(Optional.of(Duration.ofSeconds(90)), config.jobLimits().timeLimitOf(null));
        assertEquals(Optional.empty(), config.jobLimits().timeLimitOf(Duration.ZERO), "a callback's 0: no limit");
        assertEquals(Duration.ofSeconds(1), config.jobLimits().stopGrace(), "at least a second");
    }

    @Test
    void eachQueueHasTheDefaultWorkerCountOrItsOwnAndAtLeastOne() {
        JDashConfig config = JDashConfig.from(config(Map.of("java.io.tmpdir", "/tmp/x", "jdash.workers", "3",
                "jdash.queue.Reports.workers", "1", "jdash.queue.Imports.workers", "8",
                "jdash.queue.Broken.workers", "0")));
        assertEquals(3, config.workers().of("BackgroundCallbacks"));
        assertEquals(1, config.workers().of("Reports"));
        assertEquals(8, config.workers().of("Imports"));
        assertEquals(1, config.workers().of("Broken"), "a queue has at least one worker");
    }

    @Test
    void everyKeyIsRead() {
        JDashConfig config = JDashConfig.from(config(Map.ofEntries(
                Map.entry("jdash.max-jobs-per-session", "7"),
                Map.entry("jdash.job-retention-seconds", "120"),
                Map.entry("jdash.job-record-retention-seconds", "300"),
                Map.entry("jdash.max-request-bytes", "2048"),
                Map.entry("jdash.max-push-backlog", "50"),
                Map.entry("jdash.max-push-backlog-bytes", "4096"),
                Map.entry("jdash.push-send-timeout-millis", "1500"),
                Map.entry("jdash.manager", "local"),
                Map.entry("jdash.datasource", "java:/other"),
                Map.entry("jdash.csrf-key", "k"),
                Map.entry("jboss.server.data.dir", "/srv/data"),
                Map.entry("jboss.node.name", "node-a"),
                Map.entry("jdash.mount-path", "/tools/dash"),
                Map.entry("jdash.max-queued-jobs-per-owner", "3"),
                Map.entry("jdash.max-jobs-per-client", "30"),
                Map.entry("jdash.max-queued-jobs", "300"),
                Map.entry("jdash.job-expiry-seconds", "60"),
                Map.entry("jdash.job-time-limit-seconds", "120"),
                Map.entry("jdash.job-stop-grace-seconds", "5"),
                Map.entry("jdash.absent-owner-grace-seconds", "30"),
                Map.entry("jdash.queue-audit-seconds", "5"),
                Map.entry("jdash.host-names", "dash.example.com,127.0.0.1"),
                Map.entry("jdash.admin-role", " jdash-admin "),
                Map.entry("jdash.max-sockets-per-owner", "4"),
                Map.entry("jdash.max-result-bytes", "5000"),
                Map.entry("jdash.request-body-timeout-seconds", "7"),
                Map.entry("jdash.node-heartbeat-seconds", "2"),
                Map.entry("jdash.node-lost-seconds", "12"),
                Map.entry("jdash.broker.user", "jdash"),
                Map.entry("jdash.broker.password", "secret"))));
        assertEquals(Optional.of(new JDashConfig.BrokerLogin("jdash", "secret")), config.brokerLogin());
        assertTrue(!config.brokerLogin().orElseThrow().toString().contains("secret"), "no password in a log line");
        assertEquals(new NodeLiveness(Duration.ofSeconds(2), Duration.ofSeconds(12)), config.nodes());
        assertEquals(5000, config.maxResultBytes());
        assertEquals(java.time.Duration.ofSeconds(7), config.requestBodyTimeout());
        assertEquals(4, config.maxSocketsPerOwner());
        assertEquals(Optional.of("jdash-admin"), config.adminRole());
        assertEquals(List.of("dash.example.com", "127.0.0.1"), config.hostNames());
        assertEquals(Duration.ofSeconds(5), config.queueAudit());
        assertEquals(new Fairness(7, 3, 30, 300), config.fairness());
        assertEquals(new JobLimits(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofSeconds(5),
                Duration.ofSeconds(30)), config.jobLimits());
        assertEquals(Duration.ofMinutes(2), config.jobRetention());
        assertEquals(Duration.ofMinutes(5), config.jobRecordRetention());
        assertEquals(2048, config.maxRequestBytes());
        assertEquals(50, config.maxPushBacklog());
        assertEquals(4096, config.maxPushBacklogBytes());
        assertEquals(Duration.ofMillis(1500), config.pushSendTimeout());
        assertEquals(Optional.of("local"), config.manager());
        assertEquals("java:/other", config.datasource());
        assertEquals(Optional.of("k"), config.csrfKey());
        assertEquals(Path.of("/srv/data"), config.dataDirectory());
        assertEquals("/tools/dash", config.mountPath());
        assertEquals("node-a", config.nodeName());
    }

    @Test
    void aNodeBeatsAtLeastEverySecondAndIsLostAfterNoFewerThanThreeBeats() {
        assertEquals(new NodeLiveness(Duration.ofSeconds(1), Duration.ofSeconds(3)),
                NodeLiveness.of(Duration.ZERO, Duration.ofSeconds(1)));
        assertEquals(new NodeLiveness(Duration.ofSeconds(10), Duration.ofSeconds(30)),
                NodeLiveness.of(Duration.ofSeconds(10), Duration.ofSeconds(5)));
    }

    @Test
    void retentionsBelowOneSecondBecomeOneSecond() {
        JDashConfig config = JDashConfig.from(config(Map.of("java.io.tmpdir", "/tmp",
                "jdash.job-retention-seconds", "0", "jdash.job-record-retention-seconds", "-5")));
        assertEquals(Duration.ofSeconds(1), config.jobRetention());
        assertEquals(Duration.ofSeconds(1), config.jobRecordRetention());
    }

    @Test
    void aMountPathThatIsNoPathIsRefusedWithTheKeyInTheMessage() {
        // (an empty value is no value in MicroProfile Config: the default)
        for (String bad : List.of("apps", "/apps/", "/", "/a b", "/../x", "/apps/*")) {
            var refused = assertThrows(IllegalArgumentException.class,
                    () -> JDashConfig.from(config(Map.of("java.io.tmpdir", "/tmp", "jdash.mount-path", bad))), bad);
            assertTrue(refused.getMessage().contains("jdash.mount-path"), refused.getMessage());
        }
    }
}
