package io.jdash.it;

import io.jdash.app.DashApp;
import io.jdash.background.BackgroundManager;
import io.jdash.background.jobs.Managers;
import io.jdash.callback.CallbackRegistry;
import io.jdash.callback.Input;
import io.jdash.callback.Output;
import io.jdash.layout.Component;
import io.jdash.layout.Html;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's test-only app (BenchmarkIT): four no-op callbacks on the production manager, one per worker
 * queue (BackgroundCallbacks, BackgroundCallbacks2..4), each answering "tag@n" where n counts the jobs that
 * queue's worker has run (so the client can check arrival order per queue); and a paced progress job per
 * manager whose every setProgress carries the epoch microseconds at which it was made.
 */
@ApplicationScoped
public class BenchApp implements DashApp {

    static final String SLUG = "bench";
    static final List<String> QUEUES = List.of("BackgroundCallbacks", "BackgroundCallbacks2", "BackgroundCallbacks3",
            "BackgroundCallbacks4");
    /** Pause between two setProgress calls of the progress job. */
    static final long PROGRESS_PACE_MILLIS = 5;

    private static final AtomicLong[] RUN = {new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong()};

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
        children.add(Html.Div().id("prog-count"));
        children.add(Html.Div().id("prog-stamp"));
        return Html.Div(children.toArray(Component[]::new));
    }

    @Override
    public void callbacks(CallbackRegistry app) {
        for (int q = 1; q <= QUEUES.size(); q++) {
            AtomicLong run = RUN[q - 1];
            app.callback(new Output("q" + q + "-out", "children"), new Input("q" + q, "n_clicks"))
                    .preventInitialCall()
                    .background().manager(managers.production()).queue(QUEUES.get(q - 1)).keepPreviousJob()
                    .handle((job, args) -> args.get(0) + "@" + run.incrementAndGet());
        }
        progress(app, "jms", managers.production());
        progress(app, "local", managers.local());
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
