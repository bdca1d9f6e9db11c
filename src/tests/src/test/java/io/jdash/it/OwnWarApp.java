package io.jdash.it;

import io.jdash.app.DashApp;
import io.jdash.callback.CallbackRegistry;
import io.jdash.callback.Input;
import io.jdash.callback.Output;
import io.jdash.layout.Component;
import io.jdash.layout.Dcc;
import io.jdash.layout.Html;
import jakarta.enterprise.context.ApplicationScoped;

/** The one app of a user's own WAR (OwnWarIT): an input echoed by a callback. */
@ApplicationScoped
public class OwnWarApp implements DashApp {

    @Override
    public String slug() {
        return "own";
    }

    @Override
    public String title() {
        return "My own app";
    }

    @Override
    public Component layout() {
        return Html.Div(Dcc.Input().id("name").value("World"), Html.Div().id("greeting"));
    }

    @Override
    public void callbacks(CallbackRegistry app) {
        app.callback(new Output("greeting", "children"), new Input("name", "value"))
                .handle(args -> "Hello, " + args.get(0));
    }
}
