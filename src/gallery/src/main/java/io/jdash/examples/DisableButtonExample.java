package io.jdash.examples;

import io.jdash.app.DashApp;
import io.jdash.background.BackgroundManager;
import io.jdash.callback.Running;
import io.jdash.callback.CallbackRegistry;
import io.jdash.callback.Input;
import io.jdash.callback.Output;
import io.jdash.layout.Component;
import io.jdash.layout.Html;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Example 2: the manager is the app's, and the button is disabled while the job runs. */
@ApplicationScoped
public class DisableButtonExample implements DashApp {

    /** The default manager: JMS + Batch where the server has the queue, else the local one. */
    @Inject
    BackgroundManager manager;

    @Override
    public String slug() {
        return "disable-button";
    }

    @Override
    public String title() {
        return "2. Disable the button while the job runs";
    }

    @Override
    public String description() {
        return "running=[(Output(\"button_id\", \"disabled\"), True, False)] with the app's manager.";
    }

    @Override
    public BackgroundManager backgroundCallbackManager() {
        return manager;
    }

    @Override
    public Component layout() {
        return Html.Div(
                Html.Div(Html.P("Button not clicked").id("paragraph_id")),
                Html.Button("Run Job!").id("button_id"));
    }

    @Override
    public void callbacks(CallbackRegistry app) {
        app.callback(new Output("paragraph_id", "children"), new Input("button_id", "n_clicks"))
                .background()
                .running(new Running(new Output("button_id", "disabled"), true, false))
                .handle((job, args) -> {
                    job.sleep(2000);
                    return List.of("Clicked " + args.get(0) + " times");
                });
    }
}
