package io.jdash.examples;

import io.jdash.app.DashApp;
import io.jdash.callback.CallbackRegistry;
import io.jdash.callback.Input;
import io.jdash.callback.Output;
import io.jdash.layout.Component;
import io.jdash.layout.Dcc;
import io.jdash.layout.Html;
import jakarta.enterprise.context.ApplicationScoped;

/** Dash's first example: what you type is echoed, and a chained callback counts its characters. */
@ApplicationScoped
public class HelloApp implements DashApp {

    @Override
    public String slug() {
        return "hello";
    }

    @Override
    public String title() {
        return "Hello, callbacks";
    }

    @Override
    public String description() {
        return "Type in the box: one callback echoes it, a chained one counts its characters.";
    }

    @Override
    public Component layout() {
        return Html.Div(
                Html.H6("Change the value in the text box to see callbacks in action!"),
                Html.Div("Input: ", Dcc.Input().id("my-input").value("initial value").prop("type", "text")),
                Html.Br(),
                Html.Div().id("my-output"),
                Html.Div().id("my-length"));
    }

    @Override
    public void callbacks(CallbackRegistry app) {
        app.callback(new Output("my-output", "children"), new Input("my-input", "value"))
                .handle(args -> "Output: " + args.get(0));

        app.callback(new Output("my-length", "children"), new Input("my-output", "children"))
                .handle(args -> "Length: " + (args.get(0) == null ? 0 : args.string(0).length()));
    }
}
