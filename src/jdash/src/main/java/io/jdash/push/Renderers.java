package io.jdash.push;

import io.jdash.app.AppCatalog;
import io.jdash.app.MountedApp;
import io.jdash.background.event.JobEvent;
import io.jdash.background.event.JobEventType;
import io.jdash.background.jobs.BackgroundJobs;
import io.jdash.background.jobs.JobEventRecorded;
import io.jdash.background.jobs.JobRegistry;
import io.jdash.background.jobs.TrackedJob;
import io.jdash.callback.Callback;
import io.jdash.callback.CallbackArgs;
import io.jdash.callback.Input;
import io.jdash.callback.UpdateResponse;
import io.jdash.json.JsonCodec;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The page loads of Dash's renderer connected to this node (each known by the renderer id its page made, on the
 * socket it last spoke on) and the background jobs each one shows. A job's updates go to exactly the page that
 * started it: its {@code running} values when it is accepted, each progress and {@code set_props} as it happens,
 * and at its end the answer to the page's request (after the running values' "after" and the progress defaults,
 * unless another job of the same callback still runs for that page). A page that a newer request of the same
 * callback superseded hears nothing more of the old job but the (ignored) answer. A page that reconnects, or a new
 * page load of the same owner whose old page is gone, takes its jobs up: it hears their state so far in one batch,
 * and their ends as {@code set_props} (its old requests died with the old socket).
 * <p>
 * Everything about one job happens under its {@link TrackedJob} lock, which the registry holds while it records and
 * fires an event: so a job's replay and its live events never interleave or overtake each other.
 */
@ApplicationScoped
public class Renderers {

    /** Page loads (tabs) one socket may speak for: a browser's SharedWorker holds one socket for all of them. */
    static final int MAX_RENDERERS_PER_SOCKET = 64;

    private static final Logger LOG = Logger.getLogger(Renderers.class.getName());

    @Inject
    JobRegistry registry;

    @Inject
    BackgroundJobs jobs;

    @Inject
    AppCatalog catalog;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    private final Backlog backlog = Backlog.configured();
    private final Map<String, Renderer> renderers = new ConcurrentHashMap<>();
    private final Map<String, JobWatch> watches = new ConcurrentHashMap<>();
    private final Map<String, Set<JobWatch>> watchesByRenderer = new ConcurrentHashMap<>();

    /** A page load: its renderer id, whose page it is, of which app, and the socket it last spoke on. */
    record Renderer(String id, String owner, String app, PushConnection connection) {
    }

    /** The queue of messages of a socket that just opened. */
    PushConnection open(Session socket, String owner, String app) {
        return new PushConnection(socket, owner, app, executor, backlog, false);
    }

    /** The socket closed: its page loads are not reachable until they speak again on a new one. */
    void closed(PushConnection connection) {
        renderers.values().removeIf(renderer -> renderer.connection() == connection);
    }

    /**
     * The page load {@code rendererId} spoke on {@code connection}: known from now on as being there. The first time
     * it speaks on this socket, it takes up its owner's jobs that no reachable page shows. Empty when the id is
     * another owner's or the socket speaks for too many pages already.
     */
    Optional<Renderer> heard(PushConnection connection, String rendererId) {
        if (rendererId == null || rendererId.isEmpty() || rendererId.length() > 128) {
            return Optional.empty();
        }
        Renderer[] fresh = {null};
        Renderer renderer = renderers.compute(rendererId, (id, known) -> {
            if (known != null && (!known.owner().equals(connection.owner) || known.connection() == connection)) {
                return known;
            }
            if (connection.renderers.size() >= MAX_RENDERERS_PER_SOCKET && !connection.renderers.contains(id)) {
                return known;
            }
            connection.renderers.add(id);
            fresh[0] = new Renderer(id, connection.owner, connection.app, connection);
            return fresh[0];
        });
        if (renderer == null || renderer.connection() != connection) {
            return Optional.empty();
        }
        if (fresh[0] != null) {
            takeUpJobs(fresh[0]);
        }
        return Optional.of(renderer);
    }

    /**
     * Queues a job of {@code callback} for the page {@code renderer}, answered by the job's end. A job of the same
     * callback that this page started and that has not ended is superseded (and cancelled, unless the callback keeps
     * previous jobs running).
     *
     * @throws io.jdash.background.jobs.JobLimitReached when the owner has too many unfinished jobs
     */
    String submit(Renderer renderer, MountedApp app, Callback callback, CallbackArgs args, String requestId) {
        String previous = null;
        for (JobWatch older : watchesOf(renderer.id())) {
            if (older.startedHere && !older.ended && !older.superseded && older.callback.id().equals(callback.id())) {
                Optional<TrackedJob> tracked = registry.find(renderer.owner(), older.job);
                if (tracked.isPresent()) {
                    synchronized (tracked.get()) {
                        older.superseded = true;
                    }
                }
                if (previous != null && callback.background().cancelPrevious()) {
                    jobs.cancel(renderer.owner(), previous);
                }
                previous = older.job;
            }
        }
        String job = jobs.submit(app, callback, args, renderer.owner(), previous);
        TrackedJob tracked = registry.find(renderer.owner(), job).orElseThrow();
        synchronized (tracked) {
            JobWatch watch = JobWatch.started(job, callback, renderer.id(), requestId, renderer.connection());
            watch(watch);
            replay(renderer, watch, tracked);
        }
        return job;
    }

    /** The cancel input {@code input} of the page changed: its jobs of the callbacks it cancels are cancelled. */
    void cancel(Renderer renderer, Input input) {
        for (JobWatch watch : watchesOf(renderer.id())) {
            if (!watch.ended && watch.callback.background().cancel().contains(input)) {
                jobs.cancel(renderer.owner(), watch.job);
            }
        }
    }

    /** Called in order for every event this node records, while the job's lock is held. */
    void onEvent(@Observes JobEventRecorded recorded) {
        JobEvent event = recorded.event();
        JobWatch watch = watches.get(event.job());
        if (watch == null) {
            return;
        }
        if (event.type().ends()) {
            watch.ended = true;
        }
        Renderer renderer = renderers.get(watch.renderer);
        if (renderer == null || !renderer.connection().isOpen()) {
            if (event.type().ends()) {
                unwatch(watch); // the job stays "ended unheard": the page that comes back takes it up
            }
            return;
        }
        if (event.type().ends()) {
            end(renderer, watch, event, new PropChanges());
            return;
        }
        if (watch.superseded) {
            return;
        }
        PropChanges changes = new PropChanges();
        apply(watch.callback, event, changes);
        send(renderer, changes.messages(renderer.id()), null);
    }

    /** The page takes up the jobs of its owner in its app that no other reachable page shows. */
    private void takeUpJobs(Renderer renderer) {
        MountedApp app = catalog.find(renderer.app()).orElse(null);
        if (app == null) {
            return;
        }
        for (TrackedJob job : registry.needingAttention(renderer.owner(), renderer.app())) {
            synchronized (job) {
                if (!job.needsAttention()) {
                    continue;
                }
                JobWatch watch = watches.get(job.id());
                if (watch != null && !watch.renderer.equals(renderer.id()) && reachable(watch.renderer)) {
                    continue; // another open page shows it
                }
                Callback callback = app.callbacks().find(job.callback()).filter(Callback::isBackground).orElse(null);
                if (callback == null) {
                    continue;
                }
                if (watch == null || !watch.renderer.equals(renderer.id())) {
                    if (watch != null) {
                        unwatch(watch);
                    }
                    watch = JobWatch.takenUp(job.id(), callback, renderer.id());
                    watch(watch);
                }
                replay(renderer, watch, job);
            }
        }
    }

    /** Sends the job's state so far in one batch (or its end, if it has ended). Holds the job's lock. */
    private void replay(Renderer renderer, JobWatch watch, TrackedJob job) {
        PropChanges changes = new PropChanges();
        JobEvent end = null;
        for (JobEvent event : job.eventsAfter(-1)) {
            if (event.type().ends()) {
                end = event;
            } else if (!watch.superseded) {
                apply(watch.callback, event, changes);
            }
        }
        if (end != null) {
            watch.ended = true;
            end(renderer, watch, end, changes);
        } else {
            send(renderer, changes.messages(renderer.id()), null);
        }
    }

    /** What an event that is not an end changes on the page. */
    private static void apply(Callback callback, JobEvent event, PropChanges changes) {
        switch (event.type()) {
            case accepted -> changes.running(callback.background().running(), true);
            case progress -> changes.progress(callback.background().progress(), event.progress());
            case set_props -> changes.setAll(event.id(), event.props());
            default -> {
            }
        }
    }

    /**
     * The job ended: unless it was superseded, the running values go back and the progress outputs take their
     * defaults (when no other job of the callback runs for the page), then its request is answered with its outputs,
     * its error or no update; a request that can no longer be answered gets the outputs as {@code set_props}.
     */
    private void end(Renderer renderer, JobWatch watch, JobEvent end, PropChanges changes) {
        boolean answerable = watch.requestAnswerableOn(renderer.connection());
        var messages = new ArrayList<ServerMessage>();
        if (!watch.superseded) {
            if (!anotherJobRuns(watch)) {
                changes.running(watch.callback.background().running(), false);
                if (watch.callback.background().progressDefault() != null) {
                    changes.progress(watch.callback.background().progress(), watch.callback.background().progressDefault());
                }
            }
            if (end.type() == JobEventType.done && !answerable) {
                changes.setAll(end.response());
            }
            messages.addAll(changes.messages(renderer.id()));
        }
        if (answerable) {
            messages.add(ServerMessage.CallbackResponse.of(renderer.id(), watch.requestId, outcomeOf(watch, end)));
        }
        watch.requestId = null;
        unwatch(watch);
        String job = watch.job;
        if (messages.isEmpty()) {
            registry.markEndDelivered(job);
        } else {
            send(renderer, messages, () -> registry.markEndDelivered(job));
        }
    }

    private static ServerMessage.Outcome outcomeOf(JobWatch watch, JobEvent end) {
        if (watch.superseded) {
            return ServerMessage.Outcome.preventUpdate();
        }
        return switch (end.type()) {
            case done -> ServerMessage.Outcome.ok(UpdateResponse.of(end.response() == null ? Map.of() : end.response()));
            case error -> ServerMessage.Outcome.error(end.message());
            default -> ServerMessage.Outcome.preventUpdate();
        };
    }

    /** Whether another job of the same callback still runs for the same page (its running values stay on then). */
    private boolean anotherJobRuns(JobWatch watch) {
        return watchesOf(watch.renderer).stream().anyMatch(other -> other != watch && !other.ended && !other.superseded
                && other.callback.id().equals(watch.callback.id()));
    }

    private boolean reachable(String rendererId) {
        Renderer renderer = renderers.get(rendererId);
        return renderer != null && renderer.connection().isOpen();
    }

    private void watch(JobWatch watch) {
        watches.put(watch.job, watch);
        watchesByRenderer.computeIfAbsent(watch.renderer, id -> ConcurrentHashMap.newKeySet()).add(watch);
    }

    private void unwatch(JobWatch watch) {
        watches.remove(watch.job, watch);
        watchesByRenderer.computeIfPresent(watch.renderer, (id, set) -> {
            set.remove(watch);
            return set.isEmpty() ? null : set;
        });
    }

    private List<JobWatch> watchesOf(String rendererId) {
        return List.copyOf(watchesByRenderer.getOrDefault(rendererId, Set.of()));
    }

    private static void send(Renderer renderer, List<ServerMessage> messages, Runnable onSent) {
        if (messages.isEmpty()) {
            return;
        }
        Object message = messages.size() == 1 ? messages.get(0) : messages;
        renderer.connection().sendLive(JsonCodec.toJson(message), onSent);
        LOG.finest(() -> "to renderer " + renderer.id() + ": " + messages.size() + " message(s)");
    }
}
