package io.jdash.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Every server-side setting of JDash, read once per deployment through MicroProfile Config, so each can be a system
 * property ({@code -Djdash.max-jobs-per-session=200}), an environment variable ({@code JDASH_MAX_JOBS_PER_SESSION=200})
 * or any other source the server has. docs/operations.md lists each key, its default and its meaning.
 *
 * @param jobRetention        {@code jdash.job-retention-seconds}: how long an ended job stays in the registry (600 s)
 * @param jobRecordRetention  {@code jdash.job-record-retention-seconds}: how long its database row stays (a day)
 * @param maxRequestBytes     {@code jdash.max-request-bytes}: the largest callback request body (1 MiB)
 * @param maxPushBacklog      {@code jdash.max-push-backlog}: messages a page's socket may have waiting (10,000)
 * @param maxPushBacklogBytes {@code jdash.max-push-backlog-bytes}: characters it may have waiting (4 MiB)
 * @param pushSendTimeout     {@code jdash.push-send-timeout-millis}: how long one socket send may take (30 s)
 * @param manager             {@code jdash.manager}: {@code jms} or {@code local} forces the default manager (unset)
 * @param datasource          {@code jdash.datasource}: the JNDI name of the job database (JDashDS)
 * @param csrfKey             {@code jdash.csrf-key}: the CSRF key; unset, a random one kept in the data directory
 * @param dataDirectory       {@code jboss.server.data.dir}: where the CSRF key file lives (WildFly's data directory)
 * @param nodeName            {@code jboss.node.name}: this server's name in job records ("local" outside a server)
 * @param mountPath           {@code jdash.mount-path}: where the WAR's apps live, {@code <mount path>/<slug>/} (/apps)
 * @param maxCachedResults    {@code jdash.max-cached-results}: background results a node keeps for {@code cacheBy} (1,000)
 * @param debug               {@code jdash.debug}: Dash's debug mode for pages on Dash's renderer: the dev tools UI
 *                            (errors with the server's stack trace, the callback graph), prop checks and hot reload
 *                            (false: production, where no stack trace and no exception class reaches the browser)
 * @param workers             {@code jdash.workers} and {@code jdash.queue.<queue>.workers}: how many jobs of a worker
 *                            queue run at once on this node (4; 1 is strict one-at-a-time)
 * @param jobLimits           {@code jdash.job-expiry-seconds}, {@code jdash.job-time-limit-seconds},
 *                            {@code jdash.job-stop-grace-seconds}, {@code jdash.absent-owner-grace-seconds}: how long
 *                            a job may wait and run (an hour each), and wait with no page of its owner open (60 s)
 * @param fairness            {@code jdash.max-queued-jobs-per-owner}, {@code jdash.max-jobs-per-client},
 *                            {@code jdash.max-queued-jobs} and {@code jdash.max-jobs-per-session}: see {@link Fairness}
 * @param queueAudit          {@code jdash.queue-audit-seconds}: how often the worker queues are browsed for the waiting
 *                            jobs an operator removed (30 s; 0: never)
 * @param hostNames           {@code jdash.host-names}: the names this server answers for (comma-separated; a request
 *                            whose Host names another is refused 421); empty: every name
 * @param maxSocketsPerOwner  {@code jdash.max-sockets-per-owner}: Dash sockets one owner (browser) may have open on this
 *                            node (32); more are closed 1013 at once
 * @param maxResultBytes      {@code jdash.max-result-bytes}: the largest a job's result, one {@code setProgress} or one
 *                            {@code setProps} may be as JSON (2 MiB); past it the job ends with an error that says so
 * @param adminRole           {@code jdash.admin-role}: the role of the server's security realm that may use the job admin
 *                            view ({@code <mount path>/jdash-admin/}); unset: the view is not served
 * @param nodes               {@code jdash.node-heartbeat-seconds} and {@code jdash.node-lost-seconds}: how often a node
 *                            sharing the job database says it is alive (5 s), and after how long a silent one is
 *                            taken for lost and its running jobs ended (30 s); see {@link NodeLiveness}
 * @param brokerLogin         {@code jdash.broker.user} and {@code jdash.broker.password}: the login JDash sends and
 *                            browses with on a broker that requires one (a standalone broker shared by several
 *                            nodes); unset: the connection factory's default (the embedded broker needs none)
 * @param requestBodyTimeout  {@code jdash.request-body-timeout-seconds}: how long a callback request's whole body may
 *                            take to arrive (30 s); past it the request is refused with 408
 */
public record JDashConfig(Duration jobRetention, Duration jobRecordRetention,
                          long maxRequestBytes, int maxPushBacklog, long maxPushBacklogBytes, Duration pushSendTimeout,
                          Optional<String> manager, String datasource, Optional<String> csrfKey, Path dataDirectory,
                          String nodeName, String mountPath, int maxCachedResults, boolean debug,
                          WorkerCounts workers, JobLimits jobLimits, Fairness fairness, Duration queueAudit,
                          java.util.List<String> hostNames, int maxSocketsPerOwner, long maxResultBytes,
                          Optional<String> adminRole, NodeLiveness nodes, Optional<BrokerLogin> brokerLogin,
                          Duration requestBodyTimeout) {

    public static final String DEFAULT_DATASOURCE = "java:jboss/datasources/JDashDS";

    private static final String QUEUE_KEY = "jdash.queue.";
    private static final String WORKERS_KEY = ".workers";

    /** What {@code jdash.mount-path} may be: one or more path segments of letters, digits, '-', '_' and '.'. */
    private static final Pattern MOUNT_PATH = Pattern.compile("(/[A-Za-z0-9_-][A-Za-z0-9._-]*)+");

    /** The settings of this deployment, read on first use. */
    public static JDashConfig current() {
        return Holder.CURRENT;
    }

    /** The settings {@code config} gives, each unset one at its default. */
    public static JDashConfig from(Config config) {
        return new JDashConfig(
                Duration.ofSeconds(Math.max(1, config.getOptionalValue("jdash.job-retention-seconds", Long.class)
                        .orElse(600L))),
                Duration.ofSeconds(Math.max(1, config.getOptionalValue("jdash.job-record-retention-seconds", Long.class)
                        .orElse(Duration.ofDays(1).toSeconds()))),
                config.getOptionalValue("jdash.max-request-bytes", Long.class).orElse(1024L * 1024),
                config.getOptionalValue("jdash.max-push-backlog", Integer.class).orElse(10_000),
                config.getOptionalValue("jdash.max-push-backlog-bytes", Long.class).orElse(4L * 1024 * 1024),
                Duration.ofMillis(config.getOptionalValue("jdash.push-send-timeout-millis", Long.class).orElse(30_000L)),
                config.getOptionalValue("jdash.manager", String.class),
                config.getOptionalValue("jdash.datasource", String.class).orElse(DEFAULT_DATASOURCE),
                config.getOptionalValue("jdash.csrf-key", String.class),
                Path.of(config.getOptionalValue("jboss.server.data.dir", String.class)
                        .orElseGet(() -> config.getValue("java.io.tmpdir", String.class))),
                config.getOptionalValue("jboss.node.name", String.class).orElse("local"),
                mountPath(config.getOptionalValue("jdash.mount-path", String.class).orElse("/apps")),
                Math.max(0, config.getOptionalValue("jdash.max-cached-results", Integer.class).orElse(1000)),
                config.getOptionalValue("jdash.debug", Boolean.class).orElse(false),
                workers(config),
                new JobLimits(seconds(config, "jdash.job-expiry-seconds", JobLimits.DEFAULT),
                        seconds(config, "jdash.job-time-limit-seconds", JobLimits.DEFAULT),
                        seconds(config, "jdash.job-stop-grace-seconds", Duration.ofSeconds(10)),
                        seconds(config, "jdash.absent-owner-grace-seconds", Duration.ofSeconds(60))),
                new Fairness(config.getOptionalValue("jdash.max-jobs-per-session", Integer.class).orElse(100),
                        config.getOptionalValue("jdash.max-queued-jobs-per-owner", Integer.class).orElse(20),
                        config.getOptionalValue("jdash.max-jobs-per-client", Integer.class).orElse(300),
                        config.getOptionalValue("jdash.max-queued-jobs", Integer.class).orElse(5000)),
                seconds(config, "jdash.queue-audit-seconds", Duration.ofSeconds(30)),
                config.getOptionalValues("jdash.host-names", String.class).orElse(java.util.List.of()),
                Math.max(1, config.getOptionalValue("jdash.max-sockets-per-owner", Integer.class).orElse(32)),
                Math.max(1024, config.getOptionalValue("jdash.max-result-bytes", Long.class).orElse(2L * 1024 * 1024)),
                config.getOptionalValue("jdash.admin-role", String.class).map(String::strip).filter(r -> !r.isEmpty()),
                NodeLiveness.of(seconds(config, "jdash.node-heartbeat-seconds", NodeLiveness.DEFAULT_BEAT),
                        seconds(config, "jdash.node-lost-seconds", NodeLiveness.DEFAULT_LOST_AFTER)),
                config.getOptionalValue("jdash.broker.user", String.class).map(user -> new BrokerLogin(user,
                        config.getOptionalValue("jdash.broker.password", String.class).orElse(""))),
                Duration.ofSeconds(Math.max(1, config.getOptionalValue("jdash.request-body-timeout-seconds", Long.class)
                        .orElse(30L))));
    }

    private static Duration seconds(Config config, String key, Duration byDefault) {
        return config.getOptionalValue(key, Long.class).map(Duration::ofSeconds).orElse(byDefault);
    }

    /** {@code jdash.workers}, and every {@code jdash.queue.<queue>.workers} the config has. */
    private static WorkerCounts workers(Config config) {
        Map<String, Integer> byQueue = new HashMap<>();
        for (String key : config.getPropertyNames()) {
            if (key.startsWith(QUEUE_KEY) && key.endsWith(WORKERS_KEY) && key.length() > QUEUE_KEY.length() + WORKERS_KEY.length()) {
                byQueue.put(key.substring(QUEUE_KEY.length(), key.length() - WORKERS_KEY.length()),
                        config.getValue(key, Integer.class));
            }
        }
        return new WorkerCounts(config.getOptionalValue("jdash.workers", Integer.class).orElse(WorkerCounts.DEFAULT),
                byQueue);
    }

    private static String mountPath(String path) {
        if (!MOUNT_PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("jdash.mount-path must be a path like /apps or /tools/dash (segments of"
                    + " letters, digits, '-', '_', '.', no trailing slash), not '" + path + "'");
        }
        return path;
    }

    /** A user of the message broker and its password. */
    public record BrokerLogin(String user, String password) {
        @Override
        public String toString() {
            return "BrokerLogin[user=" + user + "]"; // never the password, in a log line or an exception
        }
    }

    /** Read when first asked for, in the deployment's class loader, then kept. */
    private static final class Holder {
        static final JDashConfig CURRENT = from(ConfigProvider.getConfig());
    }
}
