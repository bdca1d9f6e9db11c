package io.jdash.background;

import java.util.Map;

/**
 * What a background job's code can do besides computing its result. Each method is also a cancellation point:
 * once the job is cancelled, the next call throws {@link JobCancelled} (so does {@link #sleep}, at once).
 */
public interface BackgroundContext {

    /** Sleeps like {@code time.sleep}, ending early with {@link JobCancelled} if the job is cancelled. */
    void sleep(long millis);

    /** Dash's {@code set_progress(values)}: one value per progress output, pushed to the page at once. */
    void setProgress(Object... values);

    /** Dash's {@code set_props(id, props)}: updates any component of the page at once. */
    void setProps(String componentId, Map<String, ?> props);

    /** True once the job was cancelled; for code that loops without calling the methods above. */
    boolean isCancelled();

    /** The job's id. */
    String jobId();
}
