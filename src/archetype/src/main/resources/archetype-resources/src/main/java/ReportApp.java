package ${package};

import io.jdash.app.DashApp;
import io.jdash.callback.CallbackRegistry;
import io.jdash.callback.Input;
import io.jdash.callback.Output;
import io.jdash.callback.Running;
import io.jdash.callback.State;
import io.jdash.layout.Component;
import io.jdash.layout.Dcc;
import io.jdash.layout.Html;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A JDash app: its layout, an ordinary callback (the greeting follows the text box) and a background callback (the
 * report is built by a job off the request thread, shows its progress, and can be cancelled). Any CDI bean that
 * implements {@link DashApp} is mounted at {@code <context root>/apps/<slug>/}.
 */
@ApplicationScoped
public class ReportApp implements DashApp {

    /** How many steps the report takes, one every {@link #STEP_MILLIS}. */
    static final int STEPS = 5;
    static final long STEP_MILLIS = 400;

    @Override
    public String slug() {
        return "${appSlug}";
    }

    @Override
    public String title() {
        return "A report, built in the background";
    }

    @Override
    public Component layout() {
        return Html.Div(
                Html.H1("${artifactId}"),
                Html.Label("Your name ").prop("htmlFor", "name"),
                Dcc.Input().id("name").value("world").prop("type", "text"),
                Html.P().id("greeting"),
                Html.Button("Build the report").id("run"),
                Html.Button("Cancel").id("cancel").disabled(true),
                Html.Progress().id("progress").value("0").prop("max", String.valueOf(STEPS)),
                Html.P("No report yet").id("report"));
    }

    @Override
    public void callbacks(CallbackRegistry app) {
        // An ordinary callback: runs in the request, for every change of the text box (and once at page load).
        app.callback(new Output("greeting", "children"), new Input("name", "value"))
                .handle(args -> "Hello, " + args.get(0) + "!");

        // A background callback: a job on the server's background manager (JMS + Jakarta Batch by default).
        app.callback(new Output("report", "children"), new Input("run", "n_clicks"), new State("name", "value"))
                .preventInitialCall()
                .background()
                .running(
                        new Running(new Output("run", "disabled"), true, false),
                        new Running(new Output("cancel", "disabled"), false, true))
                .cancel(new Input("cancel", "n_clicks"))
                .progress(new Output("progress", "value"))
                .handle((job, args) -> {
                    for (int step = 1; step <= STEPS; step++) {
                        job.sleep(STEP_MILLIS);
                        job.setProgress(String.valueOf(step));
                    }
                    return "Report for " + args.get(1) + ": " + STEPS + " steps done";
                });
    }
}
