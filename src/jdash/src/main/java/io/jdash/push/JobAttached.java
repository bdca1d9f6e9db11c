package io.jdash.push;

import io.jdash.background.event.JobState;

/**
 * Sent to a page when its socket opens, once per job of its owner in this app that is still going or
 * ended unheard, before that job's events: the page takes the job up again (its {@code running} values,
 * then its result).
 */
public record JobAttached(String type, String job, String callback, JobState state) {

    static JobAttached of(String job, String callback, JobState state) {
        return new JobAttached("attach", job, callback, state);
    }
}
