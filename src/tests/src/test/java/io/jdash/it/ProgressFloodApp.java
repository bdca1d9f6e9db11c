package io.jdash.it;

import static io.jdash.callback.SetProps.setProps;

import io.jdash.app.DashApp;
import io.jdash.background.BackgroundManager;
import io.jdash.background.defaults.Managers;
import io.jdash.callback.CallbackRegistry;
import io.jdash.callback.Input;
import io.jdash.callback.Output;
import io.jdash.layout.Component;
import io.jdash.layout.Html;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * A test-only app whose jobs flood the page: {@value #FLOOD} progress updates interleaved with as many
 * set_props, once through the production manager (JMS + Batch) and once through the local one; a paced variant
 * of each for the push latency; a stream (bursts of 10 updates every 10 ms) for sockets that open mid-job; and an ordinary callback that calls setProps on a component it does not output.
 * And a big flood for {@link SlowSocketIT}: {@value #BIG} set_props of {@value #BIG_PAD} characters each (about
 * 12 MB over 5 s or more), more than a socket that stops reading can take into the kernel's buffers plus the
 * push backlog (4 MiB), at a pace a page that reads keeps up with.
 * Each progress and set_props carries the epoch microseconds at which the job made it ({@code at}).
 */
@ApplicationScoped
public class ProgressFloodApp implements DashApp {

    static final String SLUG = "p5-flood";
    static final int FLOOD = 2000;
    static final int PACED = 40;
    static final long PACE_MILLIS = 25;
    static final int BIG = 1500;
    static final int BIG_PAD = 8192;
    static final long BIG_PAUSE_MILLIS = 3;

    @Inject
    Managers managers;

    @Override
    public String slug() {
        return SLUG;
    }

    @Override
    public String title() {
        return "p5: every progress and set_props, in order";
    }

    @Override
    public Component layout() {
        return Html.Div(
                Html.Button("JMS flood").id("flood-jms"), Html.Button("local flood").id("flood-local"),
                Html.Button("JMS paced").id("paced-jms"), Html.Button("local paced").id("paced-local"),
                Html.Div().id("count"), Html.Div().id("stamp"), Html.Div().id("target"),
                Html.Div().id("out-flood-jms"), Html.Div().id("out-flood-local"),
                Html.Div().id("out-paced-jms"), Html.Div().id("out-paced-local"),
                Html.Button("local stream").id("stream-local"), Html.Div().id("out-stream-local"),
                Html.Button("Ordinary").id("ordinary"), Html.Div().id("ordinary-out"), Html.Div().id("side"),
                Html.Button("big flood").id("big-local"), Html.Div().id("out-big-local"));
    }

    @Override
    public void callbacks(CallbackRegistry app) {
        flood(app, "flood-jms", managers.production(), FLOOD, 0);
        flood(app, "flood-local", managers.local(), FLOOD, 0);
        flood(app, "paced-jms", managers.production(), PACED, PACE_MILLIS);
        flood(app, "paced-local", managers.local(), PACED, PACE_MILLIS);
        flood(app, "stream-local", managers.local(), FLOOD, -10);
        String pad = "x".repeat(BIG_PAD);
        app.callback(new Output("out-big-local", "children"), new Input("big-local", "n_clicks"))
                .preventInitialCall()
                .background()
                .manager(managers.local())
                .handle((job, args) -> {
                    for (int i = 0; i < BIG; i++) {
                        job.setProps("target", Map.of("children", i, "title", pad));
                        job.sleep(BIG_PAUSE_MILLIS);
                    }
                    return "done " + BIG;
                });

        app.callback(new Output("ordinary-out", "children"), new Input("ordinary", "n_clicks"))
                .preventInitialCall()
                .handle(args -> {
                    setProps("side", Map.of("children", "side " + args.get(0)));
                    setProps("ordinary-out", Map.of("children", "loses to the output", "title", "from setProps"));
                    return "ordinary " + args.get(0);
                });
    }

    private static void flood(CallbackRegistry app, String button, BackgroundManager manager, int count, long pause) {
        app.callback(new Output("out-" + button, "children"), new Input(button, "n_clicks"))
                .preventInitialCall()
                .background()
                .manager(manager)
                .progress(new Output("count", "children"), new Output("stamp", "children"))
                .handle((job, args) -> {
                    for (int i = 0; i < count; i++) {
                        job.setProgress(i, nowMicros());
                        job.setProps("target", Map.of("children", i, "at", nowMicros()));
                        if (pause > 0) {
                            job.sleep(pause);
                        } else if (pause < 0 && i % 10 == 9) { // a stream: bursts of 10, spread over a few seconds
                            job.sleep(-pause);
                        }
                    }
                    return "done " + count;
                });
    }

    static long nowMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }
}
