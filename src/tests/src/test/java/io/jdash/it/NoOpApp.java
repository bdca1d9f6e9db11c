package io.jdash.it;

import io.jdash.app.DashApp;
import io.jdash.background.defaults.Managers;
import io.jdash.callback.CallbackRegistry;
import io.jdash.callback.Input;
import io.jdash.callback.Output;
import io.jdash.layout.Component;
import io.jdash.layout.Html;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A test-only app whose background callbacks do nothing: what a job costs JDash itself, per manager. */
@ApplicationScoped
public class NoOpApp implements DashApp {

    @Inject
    Managers managers;

    @Override
    public String slug() {
        return "noop";
    }

    @Override
    public String title() {
        return "No-op jobs (test)";
    }

    @Override
    public Component layout() {
        return Html.Div(
                Html.Button("jms").id("jms"), Html.Div().id("jms-out"),
                Html.Button("local").id("local"), Html.Div().id("local-out"));
    }

    @Override
    public void callbacks(CallbackRegistry app) {
        app.callback(new Output("jms-out", "children"), new Input("jms", "n_clicks"))
                .preventInitialCall()
                .background().manager(managers.production()).keepPreviousJob()
                .handle((job, args) -> args.get(0));
        app.callback(new Output("local-out", "children"), new Input("local", "n_clicks"))
                .preventInitialCall()
                .background().manager(managers.local()).keepPreviousJob()
                .handle((job, args) -> args.get(0));
    }
}
