package io.jdash.it;

import io.jdash.app.DashApp;
import io.jdash.callback.CallbackRegistry;
import io.jdash.callback.Input;
import io.jdash.callback.Output;
import io.jdash.layout.Component;
import io.jdash.layout.Html;
import jakarta.enterprise.context.ApplicationScoped;

/** A callback that fails, for DebugModeBrowserIT: in debug mode its trace shows in the dev tools, in production not. */
@ApplicationScoped
public class DebugApp implements DashApp {

    static final String MESSAGE = "the debug app failed on purpose";

    @Override
    public String slug() {
        return "debug";
    }

    @Override
    public String title() {
        return "Debug";
    }

    @Override
    public Component layout() {
        return Html.Div(Html.Button("Fail").id("fail"), Html.Div("untouched").id("fail-out"));
    }

    @Override
    public void callbacks(CallbackRegistry app) {
        app.callback(new Output("fail-out", "children"), new Input("fail", "n_clicks")).preventInitialCall()
                .handle(args -> {
                    throw new IllegalStateException(MESSAGE);
                });
    }
}
