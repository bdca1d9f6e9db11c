package io.jdash.examples;

import io.jdash.app.DashApp;
import io.jdash.background.BackgroundManager;
import io.jdash.callback.CallbackRegistry;
import io.jdash.callback.Input;
import io.jdash.callback.Output;
import io.jdash.layout.Component;
import io.jdash.layout.Html;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Example 1 of Dash's "Background Callbacks" page: the manager is given to the callback itself. */
@ApplicationScoped
public class SimpleExample implements DashApp {

    /** The default manager: JMS + Batch where the server has the queue, else the local one. */
    @Inject
    BackgroundManager manager;

    @Override
    public String slug() {
        return "simple";
    }

    @Override
    public String title() {
        return "1. A simple background callback";
    }

    @Override
    public String description() {
        return "The callback sleeps 2 s as a background job; it also runs once when the page loads.";
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
                .manager(manager)
                .handle((job, args) -> {
                    job.sleep(2000);
                    return List.of("Clicked " + args.get(0) + " times");
                });
    }
}
