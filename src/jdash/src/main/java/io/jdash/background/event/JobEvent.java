package io.jdash.background.event;

import java.util.List;
import java.util.Map;

/**
 * One thing that happened to a job, as the page receives it on its WebSocket (and from the polling fallback):
 * {@code {job, seq, type, callback, …}}; only the fields of its type are set.
 *
 * @param seq      the event's place in its job's history on this node, from 0; a polling cursor
 * @param response for "done": the new output values, {@code {id: {prop: value}}}, as an ordinary callback answers
 * @param message  for "error": what went wrong; for "expired": that it expired
 * @param progress for "progress": one value per progress output ({@code null} where left unchanged)
 * @param id       for "set_props": the component
 * @param props    for "set_props": its new prop values
 */
public record JobEvent(String job, long seq, JobEventType type, String callback,
                       Map<String, Map<String, Object>> response, String message, List<Object> progress,
                       String id, Map<String, Object> props) {

    /** The message of a job stopped because its deployment went away while it ran (a redeploy, an undeploy). */
    public static final String SERVER_REDEPLOYED = "server redeployed: the application was redeployed or stopped while"
            + " the job ran, so the job was stopped; run it again";

    /** The message of {@link #serverLost}. */
    public static final String SERVER_LOST = "server lost: the server running this job stopped before the job ended";
    /** The message of {@link #expired}. */
    public static final String EXPIRED = "expired: the job waited on its queue past its expiry and did not run;"
            + " run it again";

    public static JobEvent of(String job, String callback, JobEventType type) {
        return new JobEvent(job, -1, type, callback, null, null, null, null, null);
    }

    public static JobEvent done(String job, String callback, Map<String, Map<String, Object>> response) {
        return new JobEvent(job, -1, JobEventType.done, callback, response, null, null, null, null);
    }

    public static JobEvent error(String job, String callback, String message) {
        return new JobEvent(job, -1, JobEventType.error, callback, null, message, null, null, null);
    }

    /** The end of a job that waited on its queue past its expiry and never ran. */
    public static JobEvent expired(String job, String callback) {
        return new JobEvent(job, -1, JobEventType.expired, callback, null, EXPIRED, null, null, null);
    }

    /** The end of a job whose server stopped (crashed, was killed) while it ran. */
    public static JobEvent serverLost(String job, String callback) {
        return error(job, callback, SERVER_LOST);
    }

    public static JobEvent progress(String job, String callback, List<Object> values) {
        return new JobEvent(job, -1, JobEventType.progress, callback, null, null, values, null, null);
    }

    public static JobEvent setProps(String job, String callback, String id, Map<String, Object> props) {
        return new JobEvent(job, -1, JobEventType.set_props, callback, null, null, null, id, props);
    }

    /** The same event at place {@code newSeq} of its job's history (the registry numbers the events it records). */
    public JobEvent withSeq(long newSeq) {
        return new JobEvent(job, newSeq, type, callback, response, message, progress, id, props);
    }
}
