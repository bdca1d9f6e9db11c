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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSDestinationDefinition;
import jakarta.jms.JMSDestinationDefinitions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * The benchmark's test-only app (BenchmarkIT): eight no-op callbacks on the production manager, one per worker
 * queue (BackgroundCallbacks, BackgroundCallbacks2..8), each answering "tag@n" where n counts the jobs that
 * queue's worker has run (so the client can check arrival order per queue) and appending its tag to its queue's
 * start ledger, which the ordinary callback "ledger" hands back; and a paced progress job per manager whose every
 * setProgress carries the epoch microseconds at which it was made, and one more for a page in Chromium to run with a
 * click ({@code prog-dom}).
 *
 * <p>Queues 1-4 are the product's (server-config); queues 5-8 are defined here, so they exist only while the
 * benchmark's deployment is deployed; its WEB-INF/ejb-jar.xml (src/test/resources/bench-ejb-jar.xml) declares
 * a worker MDB for each of the eight. Queue 9, also defined here, is the visitors scenario's: the deployment's own config
 * gives it {@value #POOL_WORKERS} workers, and {@code visit7} / {@code visit9} ({@code visitN.value} a tag,
 * {@code visitN-sleep.value} millis to sleep) run a job on queue 7 (one worker on the test server) or on it.
 */
@JMSDestinationDefinitions({
        @JMSDestinationDefinition(name = "java:/jms/queue/BackgroundCallbacks5", interfaceName = "jakarta.jms.Queue",
                destinationName = "BackgroundCallbacks5"),
        @JMSDestinationDefinition(name = "java:/jms/queue/BackgroundCallbacks6", interfaceName = "jakarta.jms.Queue",
                destinationName = "BackgroundCallbacks6"),
        @JMSDestinationDefinition(name = "java:/jms/queue/BackgroundCallbacks7", interfaceName = "jakarta.jms.Queue",
                destinationName = "BackgroundCallbacks7"),
        @JMSDestinationDefinition(name = "java:/jms/queue/BackgroundCallbacks8", interfaceName = "jakarta.jms.Queue",
                destinationName = "BackgroundCallbacks8"),
        @JMSDestinationDefinition(name = "java:/jms/queue/BackgroundCallbacks9", interfaceName = "jakarta.jms.Queue",
                destinationName = "BackgroundCallbacks9")})
@ApplicationScoped
public class BenchApp implements DashApp {

    static final String SLUG = "bench";
    static final List<String> QUEUES = IntStream.rangeClosed(1, 8)
            .mapToObj(q -> q == 1 ? "BackgroundCallbacks" : "BackgroundCallbacks" + q).toList();
    /** The workers of queue 9 (the bench deployment's microprofile-config.properties). */
    static final int POOL_WORKERS = 4;
    /** The visitors scenario's queues by their number: 7 has the test server's one worker, 9 has {@link #POOL_WORKERS}. */
    static final List<Integer> VISITOR_QUEUES = List.of(7, 9);

    /** Pause between two setProgress calls of the progress job. */
    static final long PROGRESS_PACE_MILLIS = 5;
    /** The updates of the progress job a page in Chromium runs ({@code prog-dom}), and the pause between two. */
    static final int DOM_UPDATES = 300;
    static final long DOM_PACE_MILLIS = 20;

    private static final List<AtomicLong> RUN = QUEUES.stream().map(q -> new AtomicLong()).toList();
    private static final List<StartLedger> LEDGERS = QUEUES.stream().map(q -> new StartLedger()).toList();

    @Inject
    Managers managers;

    @Override
    public String slug() {
        return SLUG;
    }

    @Override
    public String title() {
        return "Benchmark (test)";
    }

    @Override
    public Component layout() {
        List<Component> children = new ArrayList<>();
        for (int q = 1; q <= QUEUES.size(); q++) {
            children.add(Html.Button("q" + q).id("q" + q));
            children.add(Html.Div().id("q" + q + "-out"));
        }
        for (String manager : List.of("jms", "local")) {
            children.add(Html.Button("progress " + manager).id("prog-" + manager));
            children.add(Html.Div().id("prog-" + manager + "-out"));
        }
        for (int q : VISITOR_QUEUES) {
            children.add(Dcc.Input().id("visit" + q));
            children.add(Dcc.Input().id("visit" + q + "-sleep"));
            children.add(Html.Div().id("visit" + q + "-out"));
        }
        children.add(Html.Div().id("ledger"));
        children.add(Html.Div().id("ledger-out"));
        children.add(Html.Div().id("prog-count"));
        children.add(Html.Div().id("prog-stamp"));
        children.add(Html.Button("progress to the DOM").id("prog-dom"));
        children.add(Html.Div().id("prog-dom-out"));
        children.add(Html.Div().id("dom-count"));
        children.add(Html.Div().id("dom-stamp"));
        return Html.Div(children.toArray(Component[]::new));
    }

    @Override
    public void callbacks(CallbackRegistry app) {
        for (int q = 1; q <= QUEUES.size(); q++) {
            AtomicLong run = RUN.get(q - 1);
            StartLedger ledger = LEDGERS.get(q - 1);
            app.callback(new Output("q" + q + "-out", "children"), new Input("q" + q, "n_clicks"))
                    .preventInitialCall()
                    .background().manager(managers.production()).queue(QUEUES.get(q - 1)).keepPreviousJob()
                    .handle((job, args) -> {
                        ledger.started(String.valueOf(args.get(0)));
                        return args.get(0) + "@" + run.incrementAndGet();
                    });
        }
        for (int q : VISITOR_QUEUES) {
            app.callback(new Output("visit" + q + "-out", "children"), new Input("visit" + q, "value"),
                            new State("visit" + q + "-sleep", "value"))
                    .preventInitialCall()
                    .background().manager(managers.production()).queue("BackgroundCallbacks" + q).keepPreviousJob()
                    .handle((job, args) -> {
                        job.sleep(((Number) args.get(1)).longValue());
                        return args.get(0);
                    });
        }
        // "q:prefix": takes (returns and forgets) queue q's ledger entries that start with prefix, in start order
        app.callback(new Output("ledger-out", "children"), new Input("ledger", "children"))
                .preventInitialCall()
                .handle(args -> {
                    String[] query = String.valueOf(args.get(0)).split(":", 2);
                    return LEDGERS.get(Integer.parseInt(query[0]) - 1).take(query[1]);
                });
        progress(app, "jms", managers.production());
        progress(app, "local", managers.local());
        // for a page in Chromium (a click gives n_clicks 1): a fixed number of updates, on the production manager
        app.callback(new Output("prog-dom-out", "children"), new Input("prog-dom", "n_clicks"))
                .preventInitialCall()
                .background().manager(managers.production())
                .progress(new Output("dom-count", "children"), new Output("dom-stamp", "children"))
                .handle((job, args) -> {
                    for (int i = 0; i < DOM_UPDATES; i++) {
                        job.setProgress(i, nowMicros());
                        job.sleep(DOM_PACE_MILLIS);
                    }
                    return "done " + DOM_UPDATES;
                });
    }

    /** The input's value is how many updates to make, one every {@value #PROGRESS_PACE_MILLIS} ms. */
    private static void progress(CallbackRegistry app, String manager, BackgroundManager backgroundManager) {
        app.callback(new Output("prog-" + manager + "-out", "children"), new Input("prog-" + manager, "n_clicks"))
                .preventInitialCall()
                .background().manager(backgroundManager).keepPreviousJob()
                .progress(new Output("prog-count", "children"), new Output("prog-stamp", "children"))
                .handle((job, args) -> {
                    int count = ((Number) args.get(0)).intValue();
                    for (int i = 0; i < count; i++) {
                        job.setProgress(i, nowMicros());
                        job.sleep(PROGRESS_PACE_MILLIS);
                    }
                    return "done " + count;
                });
    }

    static long nowMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }
}
