package io.jdash.background;

/** Thrown inside a cancelled job at its next cancellation point; the job then ends as "cancelled". */
public class JobCancelled extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public JobCancelled(String jobId) {
        super("job " + jobId + " was cancelled", null, false, false);
    }
}
