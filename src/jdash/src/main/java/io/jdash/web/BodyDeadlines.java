package io.jdash.web;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** The timer that ends the time a request body may take to arrive ({@link AsyncRequestBody}): the server's scheduler. */
@ApplicationScoped
public class BodyDeadlines {

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    /** True where the server gives a scheduler (always in WildFly). */
    boolean available() {
        return scheduler != null;
    }

    /** Runs {@code passed} once {@code limit} has passed, unless the returned future is cancelled first. */
    ScheduledFuture<?> after(Duration limit, Runnable passed) {
        return scheduler.schedule(passed, limit.toMillis(), TimeUnit.MILLISECONDS);
    }
}
