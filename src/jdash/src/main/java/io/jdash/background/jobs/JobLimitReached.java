package io.jdash.background.jobs;

/** A session already has as many unfinished jobs as it may; the web layer answers 429. */
public class JobLimitReached extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public JobLimitReached(int limit) {
        super("this session already has " + limit + " unfinished background jobs; wait for some to end", null,
                false, false);
    }
}
