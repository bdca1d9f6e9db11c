package io.jdash.web;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The deadlines of request bodies still arriving ({@link AsyncRequestBody}): one sweep a second on the server's
 * scheduler runs those that passed. A deadline costs a map entry, not a scheduled task: the benchmark's callbacks
 * (thousands a second, each body's deadline cancelled a millisecond after it was set) paid for a task each in the
 * managed scheduler's context capture and in its queue, where cancelled tasks stay until they would have run.
 */
@ApplicationScoped
public class BodyDeadlines {

    private static final Logger LOG = Logger.getLogger(BodyDeadlines.class.getName());
    private static final long SWEEP_MILLIS = 1000;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    private final Map<Deadline, Long> pending = new ConcurrentHashMap<>();
    private ScheduledFuture<?> sweeps;

    /** A deadline set with {@link #after}; {@link #cancel} it once what it guards is done. */
    final class Deadline {
        private final Runnable passed;

        private Deadline(Runnable passed) {
            this.passed = passed;
        }

        void cancel() {
            pending.remove(this);
        }
    }

    @PostConstruct
    void start() {
        if (scheduler != null) {
            sweeps = scheduler.scheduleWithFixedDelay(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (sweeps != null) {
            sweeps.cancel(false);
        }
    }

    /** True where the server gives a scheduler (always in WildFly). */
    boolean available() {
        return sweeps != null;
    }

    /** Runs {@code passed} once {@code limit} has passed (within a second after), unless cancelled first. */
    Deadline after(Duration limit, Runnable passed) {
        var deadline = new Deadline(passed);
        pending.put(deadline, System.nanoTime() + limit.toNanos());
        return deadline;
    }

    private void sweep() {
        long now = System.nanoTime();
        pending.forEach((deadline, due) -> {
            if (now - due >= 0 && pending.remove(deadline, due)) {
                try {
                    deadline.passed.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "a request body's deadline failed", e);
                }
            }
        });
    }
}
