package io.jdash.it;

import io.jdash.app.DashApp;
import io.jdash.callback.CallbackRegistry;
import io.jdash.callback.Input;
import io.jdash.callback.Output;
import io.jdash.layout.Component;
import io.jdash.layout.Html;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * An app whose background callback names a worker queue the server does not have (BrokenAppIT): the production
 * manager could never run it, so the app is refused at deployment, not at its first click.
 */
@ApplicationScoped
public class NoQueueApp implements DashApp {

    @Override
    public String slug() {
        return "no-queue";
    }

    @Override
    public String title() {
        return "Broken by a missing queue";
    }

    @Override
    public Component layout() {
        return Html.Div(Html.Button("Go").id("go"), Html.P().id("result"));
    }

    @Override
    public void callbacks(CallbackRegistry app) {
        app.callback(new Output("result", "children"), new Input("go", "n_clicks"))
                .background()
                .queue("NoSuchQueue")
                .handle((job, args) -> "ran");
    }
}
