package io.jdash.examples;

import io.jdash.app.DashApp;
import io.jdash.callback.Running;
import io.jdash.callback.CallbackRegistry;
import io.jdash.callback.Input;
import io.jdash.callback.Output;
import io.jdash.layout.Component;
import io.jdash.layout.Html;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Example 4: an html Progress bar follows set_progress while the job runs, and hides when it ends. */
@ApplicationScoped
public class ProgressBarExample implements DashApp {

    @Override
    public String slug() {
        return "progress-bar";
    }

    @Override
    public String title() {
        return "4. A progress bar";
    }

    @Override
    public String description() {
        return "progress=[Output(\"progress_bar\", \"value\"), Output(\"progress_bar\", \"max\")], fed by set_progress.";
    }

    @Override
    public Component layout() {
        return Html.Div(
                Html.Div(
                        Html.P("Button not clicked").id("paragraph_id"),
                        Html.Progress().id("progress_bar").value("0")),
                Html.Button("Run Job!").id("button_id"),
                Html.Button("Cancel Running Job!").id("cancel_button_id"));
    }

    @Override
    public void callbacks(CallbackRegistry app) {
        app.callback(new Output("paragraph_id", "children"), new Input("button_id", "n_clicks"))
                .preventInitialCall()
                .background()
                .running(
                        new Running(new Output("button_id", "disabled"), true, false),
                        new Running(new Output("cancel_button_id", "disabled"), false, true),
                        new Running(new Output("paragraph_id", "style"),
                                Map.of("visibility", "hidden"), Map.of("visibility", "visible")),
                        new Running(new Output("progress_bar", "style"),
                                Map.of("visibility", "visible"), Map.of("visibility", "hidden")))
                .cancel(new Input("cancel_button_id", "n_clicks"))
                .progress(new Output("progress_bar", "value"), new Output("progress_bar", "max"))
                .handle((job, args) -> {
                    int total = 5;
                    for (int i = 0; i < total; i++) {
                        job.setProgress(String.valueOf(i), String.valueOf(total));
                        job.sleep(1000);
                    }
                    return "Clicked " + args.get(0) + " times";
                });
    }
}
