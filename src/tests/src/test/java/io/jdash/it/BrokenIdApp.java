package io.jdash.it;

import io.jdash.app.DashApp;
import io.jdash.callback.CallbackRegistry;
import io.jdash.callback.Input;
import io.jdash.callback.Output;
import io.jdash.layout.Component;
import io.jdash.layout.Html;
import jakarta.enterprise.context.ApplicationScoped;

/** An app with a typo in a callback id (BrokenAppIT): refused at deployment, while every other app serves. */
@ApplicationScoped
public class BrokenIdApp implements DashApp {

    @Override
    public String slug() {
        return "broken-id";
    }

    @Override
    public String title() {
        return "Broken by a typo";
    }

    @Override
    public Component layout() {
        return Html.Div(Html.Button("Go").id("go"), Html.P().id("result"));
    }

    @Override
    public void callbacks(CallbackRegistry app) {
        app.callback(new Output("result", "children"), new Input("og", "n_clicks")).handle(args -> "clicked");
    }
}
