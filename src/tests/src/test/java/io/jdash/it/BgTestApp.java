package io.jdash.it;

import io.jdash.app.DashApp;
import io.jdash.background.BackgroundManager;
import io.jdash.background.defaults.Managers;
import io.jdash.callback.CallbackRegistry;
import io.jdash.callback.Input;
import io.jdash.callback.Output;
import io.jdash.callback.State;
import io.jdash.layout.Component;
import io.jdash.layout.Dcc;
import io.jdash.layout.Html;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * The test-only app the background tests drive, once per manager ({@link BgJmsApp}, {@link BgLocalApp}): the
 * same callbacks, and a server-side ledger in which each job writes down when its code started and ended,
 * read back through an ordinary callback.
 *
 * <ul>
 *   <li>{@code work-out.children} (background): input {@code work.value} is the job's tag; state
 *       {@code work-sleep.value} the millis it sleeps through {@code job.sleep}; state {@code work-mode.value}
 *       "ok", "fail" (throws before sleeping), "hold" (sleeps in short steps until the tag is released) or
 *       "ignore" (as "hold", in {@code Thread.sleep} steps that swallow the interrupt: it ignores a cancel);
 *       "huge" answers 3 MiB, "huge-props" sends a 3 MiB set_props (both past jdash.max-result-bytes).
 *       Its first statement writes the start, then it sends one set_props ({@code work-out.title =
 *       "started <tag>"}), and its last statement writes the end; it answers {@code "done <tag>"}. A change of
 *       {@code work-cancel.n_clicks} cancels it.</li>
 *   <li>{@code stream-out.children} (background): input {@code stream.value} = n; sends n events, alternately
 *       a setProps of {@code stream-target} ({@code children = i}) and a setProgress ({@code i}); answers n.</li>
 *   <li>{@code ledger-out.children}: input {@code ledger.value} a tag prefix; answers the ledger's runs whose
 *       tag starts with it, in the order they started: {@code [{tag, start, end, thread}]} (nanoTime; end -1
 *       while the code has not reached its last statement).</li>
 *   <li>{@code release-out.children}: input {@code release.value} a tag; lets a "hold" job of that tag end.</li>
 *   <li>{@code again-out.children} (background, idempotent, on {@link #POOL_QUEUE}): input {@code again.value} the
 *       tag; writes a ledger run, sends {@code again-out.title = "started <tag>"}, holds until released as a "hold"
 *       work job does, answers {@code "again <tag>"}.</li>
 *   <li>{@code limited-out.children} (background, {@link #TIME_LIMIT} and {@link #EXPIRES}): input
 *       {@code limited.value} the tag, state {@code limited-mode.value} "quick" (answers at once), "hold" (as the
 *       work job's) or "ignore" (as the work job's: it ignores its time limit's stop). Writes a ledger run.</li>
 *   <li>{@code cached-out.children} (background, {@code cacheBy}): input {@code cached.value} a tag, state
 *       {@code cached-note.value} (not in the cache key); writes a ledger run and answers
 *       {@code "computed <tag> (<note>)"}.</li>
 * </ul>
 */
public abstract class BgTestApp implements DashApp {

    /** The worker queue of both apps' jobs: not the default one, so nothing else shares it. */
    static final String QUEUE = "BackgroundCallbacks2";
    /** The queue of the pool apps ({@link BgJmsPoolApp}, {@link BgLocalPoolApp}): more than one worker. */
    static final String POOL_QUEUE = "BackgroundCallbacks3";

    /** The longest a "hold" job waits for its release, so a failed test never leaves the queue blocked. */
    static final long HOLD_LIMIT_MILLIS = TimeUnit.SECONDS.toMillis(60);

    /** The time limit of the "limited" callback. */
    static final java.time.Duration TIME_LIMIT = java.time.Duration.ofMillis(800);
    /** How long a "limited" job may wait on its queue. */
    static final java.time.Duration EXPIRES = java.time.Duration.ofMillis(700);

    /** One run of a job's code. */
    static final class Run {
        final String tag;
        final long start = System.nanoTime();
        final String thread = Thread.currentThread().getName();
        volatile long end = -1;

        Run(String tag) {
            this.tag = tag;
        }
    }

    /** Per app slug, the runs in the order they started. */
    static final Map<String, ConcurrentLinkedQueue<Run>> LEDGER = new ConcurrentHashMap<>();
    static final Set<String> RELEASED = ConcurrentHashMap.newKeySet();
    /** Part of the cached callback's key: a new epoch, and nothing cached before it is used. */
    static final java.util.concurrent.atomic.AtomicInteger CACHE_EPOCH = new java.util.concurrent.atomic.AtomicInteger();

    @Inject
    Managers managers;

    /** The manager under test. */
    abstract BackgroundManager manager();

    @Override
    public String description() {
        return "test-only: background jobs on the " + manager().name() + " manager";
    }

    @Override
    public BackgroundManager backgroundCallbackManager() {
        return manager();
    }

    @Override
    public String backgroundQueue() {
        return QUEUE;
    }

    @Override
    public Component layout() {
        return Html.Div(
                Dcc.Input().id("work"), Dcc.Input().id("work-sleep"), Dcc.Input().id("work-mode"),
                Html.Div().id("work-out"), Html.Button("Cancel").id("work-cancel"),
                Dcc.Input().id("stream"), Html.Div().id("stream-out"), Html.Div().id("stream-target"),
                Html.Div().id("stream-progress"),
                Dcc.Input().id("ledger"), Html.Div().id("ledger-out"),
                Dcc.Input().id("release"), Html.Div().id("release-out"),
                Dcc.Input().id("cached"), Dcc.Input().id("cached-note"), Html.Div().id("cached-out"),
                Dcc.Input().id("epoch"), Html.Div().id("epoch-out"),
                Dcc.Input().id("limited"), Dcc.Input().id("limited-mode"), Html.Div().id("limited-out"),
                Dcc.Input().id("again"), Html.Div().id("again-out"));
    }

    /** Waits in the job's own sleeps until {@code tag} is released (a cancel or time limit ends it). */
    private static void hold(io.jdash.background.BackgroundContext job, String tag) {
        long until = System.currentTimeMillis() + HOLD_LIMIT_MILLIS;
        while (!RELEASED.contains(tag)) {
            if (System.currentTimeMillis() > until) {
                throw new IllegalStateException("job " + tag + " was never released");
            }
            job.sleep(5);
        }
    }

    /** Waits until {@code tag} is released, swallowing every interrupt: code that ignores a cancel or time limit. */
    private static void ignoringStops(String tag) {
        long until = System.currentTimeMillis() + HOLD_LIMIT_MILLIS;
        while (!RELEASED.contains(tag) && System.currentTimeMillis() < until) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException ignored) {
                // on purpose: this job does not stop when asked
            }
        }
    }

    /** The cancel input of the "work" jobs. */
    static final Input WORK_CANCEL = new Input("work-cancel", "n_clicks");

    /** A result type of the app's own with a primitive number (the "nan-record" mode). */
    public record Point(double x) {
    }

    @Override
    public void callbacks(CallbackRegistry app) {
        String slug = slug();
        app.callback(new Output("work-out", "children"), new Input("work", "value"),
                        new State("work-sleep", "value"), new State("work-mode", "value"))
                .preventInitialCall()
                .background()
                .cancel(WORK_CANCEL)
                .handle((job, args) -> {
                    String tag = args.string(0);
                    Run run = new Run(tag);
                    LEDGER.computeIfAbsent(slug, s -> new ConcurrentLinkedQueue<>()).add(run);
                    job.setProps("work-out", Map.of("title", "started " + tag)); // the page hears the code has begun
                    long sleep = ((Number) args.get(1)).longValue();
                    switch (args.string(2)) {
                        case "fail" -> throw new IllegalStateException("job " + tag + " failed on purpose");
                        case "hold" -> hold(job, tag);
                        case "ignore" -> ignoringStops(tag);
                        default -> job.sleep(sleep);
                    }
                    run.end = System.nanoTime();
                    if (args.string(2).equals("nan")) {
                        return java.util.Arrays.asList(Double.NaN, 1.5, Double.POSITIVE_INFINITY);
                    }
                    if (args.string(2).equals("huge")) {
                        return "x".repeat(3 * 1024 * 1024); // past jdash.max-result-bytes (2 MiB)
                    }
                    if (args.string(2).equals("huge-props")) {
                        job.setProps("work-out", Map.of("title", "y".repeat(3 * 1024 * 1024)));
                    }
                    if (args.string(2).equals("nan-record")) {
                        return new Point(Double.NaN); // a primitive NaN: JSON-B cannot write it
                    }
                    return "done " + tag;
                });
        // idempotent: a run lost with its server, or stopped by a redeploy, runs again
        app.callback(new Output("again-out", "children"), new Input("again", "value"))
                .preventInitialCall()
                .background()
                .queue(POOL_QUEUE)
                .idempotent()
                .handle((job, args) -> {
                    String tag = args.string(0);
                    Run run = new Run(tag);
                    LEDGER.computeIfAbsent(slug, s -> new ConcurrentLinkedQueue<>()).add(run);
                    job.setProps("again-out", Map.of("title", "started " + tag));
                    hold(job, tag);
                    run.end = System.nanoTime();
                    return "again " + tag;
                });
        app.callback(new Output("limited-out", "children"), new Input("limited", "value"),
                        new State("limited-mode", "value"))
                .preventInitialCall()
                .background()
                .timeLimit(TIME_LIMIT)
                .expires(EXPIRES)
                .handle((job, args) -> {
                    String tag = args.string(0);
                    Run run = new Run(tag);
                    LEDGER.computeIfAbsent(slug, s -> new ConcurrentLinkedQueue<>()).add(run);
                    switch (args.string(1)) {
                        case "hold" -> hold(job, tag);
                        case "ignore" -> ignoringStops(tag);
                        default -> { }
                    }
                    run.end = System.nanoTime();
                    return "done " + tag;
                });
        // Dash's cache_by: the result is kept by the tag (the note is ignored by name) and the cache epoch
        app.callback(new Output("cached-out", "children"), new Input("cached", "value"), new State("cached-note", "value"))
                .preventInitialCall()
                .background()
                .cacheBy(CACHE_EPOCH::get)
                .cacheArgsToIgnore("cached-note.value")
                .handle((job, args) -> {
                    String tag = args.string(0);
                    Run run = new Run(tag);
                    LEDGER.computeIfAbsent(slug, s -> new ConcurrentLinkedQueue<>()).add(run);
                    run.end = System.nanoTime();
                    return "computed " + tag + " (" + args.get(1) + ")";
                });
        app.callback(new Output("epoch-out", "children"), new Input("epoch", "value")).preventInitialCall()
                .handle(args -> CACHE_EPOCH.incrementAndGet());
        app.callback(new Output("stream-out", "children"), new Input("stream", "value"))
                .preventInitialCall()
                .background()
                .progress(new Output("stream-progress", "children"))
                .handle((job, args) -> {
                    int n = ((Number) args.get(0)).intValue();
                    for (int i = 0; i < n; i++) {
                        if (i % 2 == 0) {
                            job.setProps("stream-target", Map.of("children", i));
                        } else {
                            job.setProgress(i);
                        }
                    }
                    return n;
                });
        app.callback(new Output("ledger-out", "children"), new Input("ledger", "value"))
                .preventInitialCall()
                .handle(args -> {
                    String prefix = args.string(0);
                    List<Map<String, Object>> runs = new ArrayList<>();
                    for (Run run : LEDGER.getOrDefault(slug, new ConcurrentLinkedQueue<>())) {
                        if (run.tag.startsWith(prefix)) {
                            Map<String, Object> row = new LinkedHashMap<>();
                            row.put("tag", run.tag);
                            row.put("start", run.start);
                            row.put("end", run.end);
                            row.put("thread", run.thread);
                            runs.add(row);
                        }
                    }
                    return runs;
                });
        app.callback(new Output("release-out", "children"), new Input("release", "value"))
                .preventInitialCall()
                .handle(args -> {
                    RELEASED.add(args.string(0));
                    return "released " + args.string(0);
                });
    }
}
