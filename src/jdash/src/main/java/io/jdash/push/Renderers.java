package io.jdash.push;

import io.jdash.app.AppCatalog;
import io.jdash.app.MountedApp;
import io.jdash.background.JobHop;
import io.jdash.background.event.JobEvent;
import io.jdash.background.event.JobEventType;
import io.jdash.background.jobs.BackgroundJobs;
import io.jdash.background.jobs.JobEventRecorded;
import io.jdash.background.jobs.JobRegistry;
import io.jdash.background.jobs.TrackedJob;
import io.jdash.callback.Callback;
import io.jdash.callback.ComponentIds;
import io.jdash.callback.CallbackArgs;
import io.jdash.callback.Input;
import io.jdash.callback.JobTargets;
import io.jdash.callback.UpdateResponse;
import io.jdash.config.JDashConfig;
import io.jdash.json.JsonCodec;
import io.jdash.layout.Component;
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
 * started it: each progress and {@code set_props} as it happens, and at its end the answer to the page's request,
 * which carries the running values' "after" and the progress defaults with the outputs, so that the page shows them
 * in one render (the renderer sets the "during" values itself as it sends the request, as Dash's does); they stay
 * as they are while another job of the same callback runs for the page. A job that a newer request of the same
 * callback from the same page superseded sends nothing more; its request is answered ("no update") right after the
 * newest one's. A page that reconnects, or a new page load of the same
 * owner whose old page is gone, takes its jobs up: it hears their state so far (running values included) in one
 * batch, and their ends as {@code set_props} (its old requests died with the old socket).
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
    /** Each owner's open sockets on this node (an owner with none has no entry). */
    private final Map<String, Integer> socketsByOwner = new ConcurrentHashMap<>();
    private final Map<String, JobWatch> watches = new ConcurrentHashMap<>();
    private final Map<String, Set<JobWatch>> watchesByRenderer = new ConcurrentHashMap<>();
    /** The targets of recent pattern-matching jobs, for a page that takes one up after its watch is gone. */
    private final Map<String, JobTargets> targetsOfJobs = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, JobTargets> eldest) {
                    return size() > MAX_REMEMBERED_TARGETS;
                }
            });
    static final int MAX_REMEMBERED_TARGETS = 10_000;
    /** Answers of superseded requests, by renderer and callback, sent after the newest request's answer. */
    private final Map<String, List<ServerMessage>> heldAnswers = new ConcurrentHashMap<>();

    /** A page load: its renderer id, whose page it is, of which app, and the socket it last spoke on. */
    record Renderer(String id, String owner, String app, PushConnection connection) {
    }

    /**
     * The queue of messages of a socket that just opened; empty when its owner has {@code jdash.max-sockets-per-owner}
     * open here already (the socket is then closed, and counts for nothing).
     */
    Optional<PushConnection> open(Session socket, String owner, String app) {
        int most = JDashConfig.current().maxSocketsPerOwner();
        boolean[] admitted = {false};
        socketsByOwner.compute(owner, (key, open) -> {
            int now = open == null ? 0 : open;
            admitted[0] = now < most;
            return admitted[0] ? now + 1 : open;
        });
        if (!admitted[0]) {
            return Optional.empty();
        }
        jobs.socketOpened(owner); // its owner is here while it is open: its jobs waiting to start are kept
        return Optional.of(new PushConnection(socket, owner, app, executor, backlog));
    }

    /** The socket closed (called once): its page loads are not reachable until they speak again on a new one. */
    void closed(PushConnection connection) {
        socketsByOwner.computeIfPresent(connection.owner, (key, open) -> open <= 1 ? null : open - 1);
        jobs.socketClosed(connection.owner);
        renderers.values().removeIf(renderer -> renderer.connection() == connection);
        connection.renderers.forEach(id -> heldAnswers.keySet().removeIf(key -> key.startsWith(id + HELD_SEPARATOR)));
    }

    private static final String HELD_SEPARATOR = "\u0000";

    private static String heldKey(String renderer, Callback callback, JobTargets targets) {
        return renderer + HELD_SEPARATOR + callback.id() + HELD_SEPARATOR + targets.slot();
    }

    /** Whether {@code watch} is a job of {@code callback} for the same components (the same row of a pattern). */
    private static boolean sameSlot(JobWatch watch, Callback callback, JobTargets targets) {
        return watch.callback.id().equals(callback.id()) && watch.targets.slot().equals(targets.slot());
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
        JobTargets targets = JobTargets.of(callback, args);
        String previous = null;
        for (JobWatch older : watchesOf(renderer.id())) {
            if (older.startedHere && !older.ended && !older.superseded && sameSlot(older, callback, targets)) {
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
        String job;
        try {
            job = jobs.submit(app, callback, args, renderer.owner(), previous);
        } catch (RuntimeException refused) {
            sendHeldAnswers(renderer, callback, targets); // no newer job will answer after them
            if (refused instanceof io.jdash.background.jobs.JobLimitReached) {
                // the page set the running values as it sent the request; no job will reset them: reset them now,
                // before the error answer (the connection sends in order)
                PropChanges reset = new PropChanges().endReset(callback.background(), targets);
                if (!reset.isEmpty()) {
                    send(renderer, reset.messages(renderer.id()), () -> { });
                }
            }
            throw refused;
        }
        TrackedJob tracked = registry.find(renderer.owner(), job).orElseThrow();
        if (targets != JobTargets.NONE) {
            targetsOfJobs.put(job, targets);
        }
        synchronized (tracked) {
            JobWatch watch = JobWatch.started(job, callback, targets, renderer.id(), requestId, renderer.connection());
            watch(watch);
            replay(renderer, watch, tracked, true);
        }
        return job;
    }

    /**
     * The cancel input {@code input} of the page changed (on the component {@code concreteId}, for a pattern-matching
     * one): its jobs of the callbacks it cancels are cancelled, those for that component only.
     */
    void cancel(Renderer renderer, Input input, Object concreteId) {
        for (JobWatch watch : watchesOf(renderer.id())) {
            if (!watch.ended && watch.callback.background().cancel().contains(input)
                    && watch.targets.matches(input, concreteId)) {
                jobs.cancel(renderer.owner(), watch.job);
            }
        }
    }

    /**
     * Answers the page's request {@code requestId} of an ordinary callback with {@code props}, its result, where the
     * components it shows again (a page of a multi-page app that the user comes back to) show the page's unfinished
     * jobs as they are: their running values ("during") and latest progress, not what the layout starts with. The
     * renderer dropped those jobs' requests with their components, so their ends will come as {@code set_props}.
     * Sent under the jobs' locks, so that none of their updates or ends can come before this answer.
     */
    void answerShowingJobs(Renderer renderer, String requestId, Map<String, Map<String, Object>> props) {
        var unfinished = new ArrayList<Map.Entry<JobWatch, TrackedJob>>();
        for (JobWatch watch : watchesOf(renderer.id())) {
            if (!watch.ended && !watch.superseded) {
                registry.find(renderer.owner(), watch.job).ifPresent(job -> unfinished.add(Map.entry(watch, job)));
            }
        }
        if (unfinished.isEmpty()) { // the usual case: no job runs for the page, the answer goes as it is
            send(renderer, List.of(ServerMessage.CallbackResponse.of(renderer.id(), requestId,
                    ServerMessage.Outcome.ok(UpdateResponse.of(props)))), null);
            return;
        }
        unfinished.sort(Map.Entry.comparingByKey(java.util.Comparator.comparing((JobWatch watch) -> watch.job)));
        underLocks(unfinished, 0, () -> {
            var held = new java.util.HashMap<String, Map<String, Object>>();
            var heldBy = new java.util.HashMap<String, JobWatch>();
            for (var entry : unfinished) {
                JobWatch watch = entry.getKey();
                if (watch.ended || watch.superseded) {
                    continue;
                }
                runningProps(watch, entry.getValue()).forEach((id, values) -> {
                    held.computeIfAbsent(id, key -> new java.util.LinkedHashMap<>()).putAll(values);
                    heldBy.put(id, watch);
                });
            }
            var shown = new java.util.LinkedHashMap<String, Map<String, Object>>();
            props.forEach((id, values) -> {
                var changed = new java.util.LinkedHashMap<String, Object>();
                values.forEach((prop, value) -> changed.put(prop, held.isEmpty() ? value
                        : Component.withPropsIn(value, component -> {
                            String key = component.id() == null ? null : ComponentIds.stringify(component.id());
                            JobWatch watch = key == null ? null : heldBy.get(key);
                            if (watch != null) {
                                watch.shownAgain = true;
                            }
                            return watch == null ? null : held.get(key);
                        })));
                shown.put(id, changed);
            });
            send(renderer, List.of(ServerMessage.CallbackResponse.of(renderer.id(), requestId,
                    ServerMessage.Outcome.ok(UpdateResponse.of(shown)))), null);
        });
    }

    /** Runs {@code action} holding the locks of {@code jobs[from..]}, taken in the list's order. */
    private static void underLocks(List<Map.Entry<JobWatch, TrackedJob>> jobs, int from, Runnable action) {
        if (from == jobs.size()) {
            action.run();
            return;
        }
        synchronized (jobs.get(from).getValue()) {
            underLocks(jobs, from + 1, action);
        }
    }

    /** The running values ("during") and the latest progress of a job that runs, by component id. */
    private static Map<String, Map<String, Object>> runningProps(JobWatch watch, TrackedJob job) {
        var background = watch.callback.background();
        PropChanges changes = new PropChanges().running(background.running(), watch.targets, true);
        for (JobEvent event : job.eventsAfter(-1)) {
            if (event.type() == JobEventType.progress) {
                changes.progress(background.progress(), watch.targets, event.progress());
            }
        }
        return changes.asResponse();
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
        if (watch.shownOn != renderer.connection()) {
            return; // the page just moved to this socket: its replay, next under this lock, carries the event
        }
        if (event.type().ends()) {
            end(renderer, watch, event, new PropChanges(), true);
            return;
        }
        if (watch.superseded) {
            return;
        }
        PropChanges changes = new PropChanges();
        apply(watch, event, changes, renderer.connection());
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
                    JobTargets targets = watch != null ? watch.targets
                            : targetsOfJobs.getOrDefault(job.id(), JobTargets.NONE);
                    watch = JobWatch.takenUp(job.id(), callback, targets, renderer.id());
                    watch(watch);
                }
                replay(renderer, watch, job, false);
            }
        }
    }

    /**
     * Sends what the job did so far (or its end, if it has ended), in one batch. The page that just started the job
     * ({@code everyUpdateMissed}) hears every update, in order: the job may have run ahead of its watch (the local
     * manager starts it at once). A page that takes a job up hears its state so far, each prop at its latest value.
     * Holds the job's lock.
     */
    private void replay(Renderer renderer, JobWatch watch, TrackedJob job, boolean everyUpdateMissed) {
        watch.shownOn = renderer.connection();
        PropChanges changes = new PropChanges();
        var everyUpdate = new ArrayList<ServerMessage>();
        JobEvent end = null;
        for (JobEvent event : job.eventsAfter(-1)) {
            if (event.type().ends()) {
                end = event;
            } else if (!watch.superseded) {
                apply(watch, event, changes, renderer.connection());
                if (everyUpdateMissed) {
                    everyUpdate.addAll(changes.messages(renderer.id()));
                    changes = new PropChanges();
                }
            }
        }
        send(renderer, everyUpdate, null);
        if (end != null) {
            watch.ended = true;
            // a page that takes up a job that has already ended never showed its running values: only its outputs
            end(renderer, watch, end, changes, watch.startedHere);
        } else {
            send(renderer, changes.messages(renderer.id()), null);
        }
    }

    /**
     * What an event that is not an end changes on the page. The running values are the renderer's to set for the
     * request it sent and still waits on; a page that took the job up (or lost its request with its socket) gets
     * them from the server.
     */
    private static void apply(JobWatch watch, JobEvent event, PropChanges changes, PushConnection connection) {
        Callback callback = watch.callback;
        switch (event.type()) {
            case accepted -> {
                if (!watch.requestAnswerableOn(connection)) {
                    changes.running(callback.background().running(), watch.targets, true);
                }
            }
            case progress -> changes.progress(callback.background().progress(), watch.targets, event.progress());
            case set_props -> changes.setAll(event.id(), event.props());
            default -> {
            }
        }
    }

    /**
     * The job ended. A superseded job's answer waits for the newest request's. Otherwise the running values take
     * their "after" and the progress outputs their defaults (unless another job of the callback runs for the page),
     * in the answer with the outputs when the request can still be answered, else as {@code set_props}.
     */
    private void end(Renderer renderer, JobWatch watch, JobEvent end, PropChanges changes, boolean resetRunning) {
        boolean answerable = watch.requestAnswerableOn(renderer.connection());
        String requestId = watch.requestId;
        watch.requestId = null;
        unwatch(watch);
        String job = watch.job;
        Runnable heard = () -> {
            JobHop.mark(job, JobHop.SOCKET); // the message that carries the end is written to the page's socket
            registry.markEndDelivered(job);
            targetsOfJobs.remove(job);
        };
        if (watch.superseded) {
            boolean newestRuns = watchesOf(renderer.id()).stream().anyMatch(other -> other.startedHere && !other.ended
                    && !other.superseded && sameSlot(other, watch.callback, watch.targets));
            if (answerable && !newestRuns) { // the newest request was answered already (or failed)
                send(renderer, List.of(ServerMessage.CallbackResponse.of(renderer.id(), requestId,
                        ServerMessage.Outcome.preventUpdate())), heard);
                return;
            }
            if (answerable) {
                heldAnswers.computeIfAbsent(heldKey(renderer.id(), watch.callback, watch.targets), key -> new java.util.concurrent.CopyOnWriteArrayList<>())
                        .add(ServerMessage.CallbackResponse.of(renderer.id(), requestId, ServerMessage.Outcome.preventUpdate()));
            }
            heard.run();
            return;
        }
        if (resetRunning && !anotherJobRuns(watch)) {
            changes.endReset(watch.callback.background(), watch.targets);
        }
        if (end.type() == JobEventType.done) {
            changes.setAll(watch.targets.place(watch.callback, end.response()));
        }
        var messages = new ArrayList<ServerMessage>();
        if (answerable && end.type() == JobEventType.done && !watch.shownAgain) {
            // one answer: the page applies defaults and outputs in one render
            messages.add(ServerMessage.CallbackResponse.of(renderer.id(), requestId,
                    ServerMessage.Outcome.ok(UpdateResponse.of(changes.asResponse()))));
        } else {
            // the request may be gone (its components were shown again): everything as set_props, then the answer
            messages.addAll(changes.messages(renderer.id()));
            if (answerable) {
                messages.add(ServerMessage.CallbackResponse.of(renderer.id(), requestId,
                        end.type().endsWithMessage() ? ServerMessage.Outcome.error(end.message())
                                : ServerMessage.Outcome.preventUpdate()));
            }
        }
        if (messages.isEmpty()) {
            heard.run();
        } else {
            send(renderer, messages, heard);
        }
        if (answerable) {
            sendHeldAnswers(renderer, watch.callback, watch.targets);
        }
    }

    /** Answers the page's superseded requests of {@code callback}: its newest one was just answered (or refused). */
    private void sendHeldAnswers(Renderer renderer, Callback callback, JobTargets targets) {
        List<ServerMessage> held = heldAnswers.remove(heldKey(renderer.id(), callback, targets));
        if (held != null) {
            send(renderer, held, null);
        }
    }

    /** Whether another job of the same callback still runs for the same page (its running values stay on then). */
    private boolean anotherJobRuns(JobWatch watch) {
        return watchesOf(watch.renderer).stream().anyMatch(other -> other != watch && !other.ended && !other.superseded
                && sameSlot(other, watch.callback, watch.targets));
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
        renderer.connection().send(JsonCodec.toJson(message), onSent);
        LOG.finest(() -> "to renderer " + renderer.id() + ": " + messages.size() + " message(s)");
    }
}
