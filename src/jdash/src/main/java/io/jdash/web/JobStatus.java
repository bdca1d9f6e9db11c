package io.jdash.web;

import io.jdash.background.event.JobEvent;
import io.jdash.background.event.JobState;
import java.util.List;

/** The answer of {@code GET _jdash-jobs/<job>?after=<seq>}: where the job is and its events after the cursor. */
public record JobStatus(String job, String callback, JobState state, List<JobEvent> events) {
}
