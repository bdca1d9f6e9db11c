package io.jdash.examples;

import io.jdash.app.DashApp;
import io.jdash.callback.Running;
import io.jdash.callback.CallbackRegistry;
import io.jdash.callback.Input;
import io.jdash.callback.Output;
import io.jdash.layout.Component;
import io.jdash.layout.Html;
import jakarta.enterprise.context.ApplicationScoped;

/** Example 3: a second button cancels the running job, and each button is enabled only when it makes sense. */
@ApplicationScoped
public class CancelExample implements DashApp {

    @Override
    public String slug() {
        return "cancel";
    }

    @Override
    public String title() {
        return "3. Cancel a running job";
    }

    @Override
    public String description() {
        return "cancel=[Input(\"cancel_button_id\", \"n_clicks\")]: the second button stops the job.";
    }

    @Override
    public Component layout() {
        return Html.Div(
                Html.Div(Html.P("Button not clicked").id("paragraph_id")),
                Html.Button("Run Job!").id("button_id"),
                Html.Button("Cancel Running Job!").id("cancel_button_id"));
    }

    @Override
    public void callbacks(CallbackRegistry app) {
        app.callback(new Output("paragraph_id", "children"), new Input("button_id", "n_clicks"))
                .background()
                .running(
                        new Running(new Output("button_id", "disabled"), true, false),
                        new Running(new Output("cancel_button_id", "disabled"), false, true))
                .cancel(new Input("cancel_button_id", "n_clicks"))
                .handle((job, args) -> {
                    job.sleep(2000);
                    return "Clicked " + args.get(0) + " times";
                });
    }
}
