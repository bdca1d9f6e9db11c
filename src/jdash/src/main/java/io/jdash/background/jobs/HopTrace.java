package io.jdash.background.jobs;

import io.jdash.config.JDashConfig;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An opt-in trace of where a background job's time goes (docs/benchmarks.md, "Where the time goes"): with the
 * system property {@code jdash.trace-hops=true}, each hop of a job stamps the wall clock in epoch microseconds,
 * and the job's ending event carries the stamps to the page as {@link JobEvent#timings()}. Off (the default),
 * every method returns at once and events carry no timings.
 * <p>
 * The stamps wait in this node's memory between the hops, keyed by job id, so a trace is whole only when one node
 * accepts, runs and pushes the job (the benchmark's single server). The hops, in order: {@value #ACCEPT},
 * {@value #STORED}, {@value #SENT}, {@value #RECEIVED}, {@value #CLAIMED}, {@value #BATCH_START},
 * {@value #BATCH_STARTED} (on the worker MDB's thread, alongside the batch thread's hops), {@value #BATCHLET},
 * {@value #USER_END}, {@value #PUBLISH}, {@value #END_STORED}, {@value #RECORDED}, {@value #SOCKET}.
 */
public final class HopTrace {

    public static final boolean ON = JDashConfig.current().traceHops();

    public static final String ACCEPT = "http_accept";         // the POST reached CallbackEndpoint
    public static final String STORED = "job_stored";          // the job's row is in the job store
    public static final String SENT = "jms_sent";              // the manager's submit returned (JMS: on disk)
    public static final String RECEIVED = "mdb_receive";       // the worker MDB handed the job to WorkerNode
    public static final String CLAIMED = "job_claimed";        // the worker claimed the job in the job store
    public static final String BATCH_START = "batch_start";    // JobOperator.start called
    public static final String BATCH_STARTED = "batch_started";// JobOperator.start returned
    public static final String BATCHLET = "batchlet_start";    // the job runner began (CallbackBatchlet.process)
    public static final String USER_END = "user_end";          // the callback's own code returned
    public static final String PUBLISH = "end_publish";        // the ending event is handed to the sink (topic send)
    public static final String END_STORED = "end_stored";      // the ending event is in the job store
    public static final String RECORDED = "registry_record";   // the registry records it (after JobEventsMdb)
    public static final String SOCKET = "socket_send";         // PushConnection hands it to the WebSocket

    /** Traces not yet ended; jobs that never end through the runner (cancelled while queued) are dropped past this. */
    private static final int MAX_OPEN = 10_000;
    private static final Map<String, Map<String, Long>> OPEN = new ConcurrentHashMap<>();

    private HopTrace() {
    }

    /** Now in epoch microseconds when tracing, else 0 (no clock read). */
    public static long now() {
        return ON ? ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now()) : 0;
    }

    /** Stamps {@code hop} of {@code job} now. */
    public static void mark(String job, String hop) {
        if (ON) {
            mark(job, hop, now());
        }
    }

    /** Stamps {@code hop} of {@code job} at {@code micros} (taken earlier with {@link #now()}). */
    public static void mark(String job, String hop, long micros) {
        if (!ON) {
            return;
        }
        if (OPEN.size() >= MAX_OPEN) {
            OPEN.clear();
        }
        OPEN.computeIfAbsent(job, id -> new ConcurrentHashMap<>()).put(hop, micros);
    }

    /** The ending event with the job's stamps so far plus {@value #PUBLISH}; the trace is closed. */
    static JobEvent attachAtEnd(JobEvent event) {
        if (!ON) {
            return event;
        }
        mark(event.job(), PUBLISH);
        Map<String, Long> stamps = OPEN.remove(event.job());
        return stamps == null ? event : event.withTimings(sorted(stamps));
    }

    /** The event with {@code hop} stamped now, if it carries timings. */
    public static JobEvent stamp(JobEvent event, String hop) {
        if (!ON || event.timings() == null) {
            return event;
        }
        Map<String, Long> stamps = new LinkedHashMap<>(event.timings());
        stamps.put(hop, now());
        return event.withTimings(stamps);
    }

    /** The socket text with {@value #SOCKET} stamped now, if it carries timings (one string insert, no parsing). */
    public static String stampSocketSend(String text) {
        if (!ON) {
            return text;
        }
        int at = text.lastIndexOf("\"timings\":{"); // timings is the last object field but "type"
        if (at < 0) {
            return text;
        }
        int open = at + "\"timings\":{".length();
        return text.substring(0, open) + "\"" + SOCKET + "\":" + now() + "," + text.substring(open);
    }

    private static Map<String, Long> sorted(Map<String, Long> stamps) {
        Map<String, Long> ordered = new LinkedHashMap<>();
        stamps.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .forEach(entry -> ordered.put(entry.getKey(), entry.getValue()));
        return ordered;
    }
}
