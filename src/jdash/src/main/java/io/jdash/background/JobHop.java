package io.jdash.background;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A JFR event: a background job passed one hop of its way from the HTTP request to the page's WebSocket. Recorded
 * only while a JFR recording enables {@value #NAME} (the benchmark's does, {@code jcmd <pid> JFR.start}; docs/
 * benchmarks.md builds its "where the time goes" table from such a recording); otherwise {@link #mark} and
 * {@link #now()} return at once, without reading the clock.
 * <p>
 * {@link #epochMicros} is the wall clock of the hop, so a client on the same machine can frame the server's hops
 * with its own stamps. The hops, in order: {@value #ACCEPT}, {@value #STORED}, {@value #SENT}, {@value #RECEIVED},
 * {@value #CLAIMED}, {@value #BATCH_START}, {@value #BATCH_STARTED} (on the worker MDB's thread, while the batch
 * thread goes on), {@value #BATCHLET}, {@value #USER_END}, {@value #PUBLISH}, {@value #END_STORED},
 * {@value #RECORDED}, {@value #SOCKET}.
 */
@Name(JobHop.NAME)
@Label("Background job hop")
@Category({"JDash", "Background jobs"})
@Description("A background job passed one hop of its way from the HTTP request to the page")
@StackTrace(false)
public final class JobHop extends Event {

    public static final String NAME = "io.jdash.JobHop";

    public static final String ACCEPT = "http_accept";         // the POST reached the callback endpoint
    public static final String STORED = "job_stored";          // the job's row is in the job store
    public static final String SENT = "jms_sent";              // the manager's submit returned (JMS: on disk)
    public static final String RECEIVED = "mdb_receive";       // the worker MDB handed the job to its queue worker
    public static final String CLAIMED = "job_claimed";        // the worker claimed the job in the job store
    public static final String BATCH_START = "batch_start";    // JobOperator.start called
    public static final String BATCH_STARTED = "batch_started";// JobOperator.start returned
    public static final String BATCHLET = "batchlet_start";    // the job runner began (the batchlet's process)
    public static final String USER_END = "user_end";          // the callback's own code returned
    public static final String PUBLISH = "end_publish";        // the ending event is handed to the sink (topic send)
    public static final String END_STORED = "end_stored";      // the ending event is in the job store
    public static final String RECORDED = "registry_record";   // the registry records it (after the topic's MDB)
    public static final String SOCKET = "socket_send";         // the WebSocket send of the ending event completed

    @Label("Job")
    String job;

    @Label("Hop")
    String hop;

    @Label("Wall clock (epoch microseconds)")
    long epochMicros;

    /** Now in epoch microseconds while a recording takes these events, else 0 (no clock read). */
    public static long now() {
        return new JobHop().isEnabled() ? clock() : 0;
    }

    /** Records that {@code job} passed {@code hop} now. */
    public static void mark(String job, String hop) {
        mark(job, hop, 0);
    }

    /** Records that {@code job} passed {@code hop} at {@code epochMicros} (from {@link #now()}; 0 for now). */
    public static void mark(String job, String hop, long epochMicros) {
        JobHop event = new JobHop();
        if (event.isEnabled()) {
            event.job = job;
            event.hop = hop;
            event.epochMicros = epochMicros != 0 ? epochMicros : clock();
            event.commit();
        }
    }

    private static long clock() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }
}
