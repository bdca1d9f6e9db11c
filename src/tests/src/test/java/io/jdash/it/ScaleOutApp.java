package io.jdash.it;

import io.jdash.app.DashApp;
import io.jdash.background.BackgroundContext;
import io.jdash.callback.CallbackArgs;
import io.jdash.callback.CallbackRegistry;
import io.jdash.callback.Input;
import io.jdash.callback.Output;
import io.jdash.callback.State;
import io.jdash.layout.Component;
import io.jdash.layout.Dcc;
import io.jdash.layout.Html;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The test-only app of {@link ScaleOutIT}, deployed on every node. Its one background callback, {@code steps-out.children}
 * (input {@code steps.value}: a tag; state {@code steps-n.value}: how many steps, {@code steps-pause.value}: millis
 * between them), first says which node runs it ({@code setProgress("node <name>")}), then sends {@code setProgress(i)}
 * for i = 1..n, pausing between steps (a cancel or a stop ends the pause), and answers "<tag> on <node> #<k>", k
 * counting the jobs this node's JVM started. {@code ordered-out.children} does the same on worker queue
 * {@value #EXCLUSIVE_QUEUE}, which ScaleOutIT's broker declares exclusive (one consumer at a time, the others standby).
 */
@ApplicationScoped
public class ScaleOutApp implements DashApp {

    static final String NODE_PREFIX = "node ";
    static final String EXCLUSIVE_QUEUE = "BackgroundCallbacks2";
    private static final java.util.concurrent.atomic.AtomicLong STARTS = new java.util.concurrent.atomic.AtomicLong();

    @Override
    public String slug() {
        return "scale-out";
    }

    @Override
    public String title() {
        return "Scale-out (test)";
    }

    @Override
    public Component layout() {
        return Html.Div(Dcc.Input().id("steps"), Dcc.Input().id("steps-n"), Dcc.Input().id("steps-pause"),
                Html.Div().id("steps-out"), Html.Div().id("steps-progress"),
                Dcc.Input().id("ordered"), Dcc.Input().id("ordered-n"), Dcc.Input().id("ordered-pause"),
                Html.Div().id("ordered-out"), Html.Div().id("ordered-progress"));
    }

    @Override
    public void callbacks(CallbackRegistry app) {
        app.callback(new Output("steps-out", "children"), new Input("steps", "value"), new State("steps-n", "value"),
                        new State("steps-pause", "value"))
                .preventInitialCall()
                .background()
                .keepPreviousJob()
                .progress(new Output("steps-progress", "children"))
                .handle(ScaleOutApp::steps);
        app.callback(new Output("ordered-out", "children"), new Input("ordered", "value"),
                        new State("ordered-n", "value"), new State("ordered-pause", "value"))
                .preventInitialCall()
                .background()
                .queue(EXCLUSIVE_QUEUE)
                .keepPreviousJob()
                .progress(new Output("ordered-progress", "children"))
                .handle(ScaleOutApp::steps);
    }

    private static Object steps(BackgroundContext job, CallbackArgs args) {
        String node = System.getProperty("jboss.node.name");
        long start = STARTS.incrementAndGet();
        job.setProgress(NODE_PREFIX + node);
        int n = ((Number) args.get(1)).intValue();
        long pause = ((Number) args.get(2)).longValue();
        for (int i = 1; i <= n; i++) {
            job.sleep(pause);
            job.setProgress(i);
        }
        return args.string(0) + " on " + node + " #" + start;
    }
}
