package io.jdash.it;

import io.jdash.app.DashApp;
import io.jdash.callback.CallbackRegistry;
import io.jdash.callback.Input;
import io.jdash.callback.Output;
import io.jdash.callback.State;
import io.jdash.it.dbc.Dbc;
import io.jdash.layout.Component;
import io.jdash.layout.Html;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * An app of dash-bootstrap-components, generated from npm by the tests' pom (io.jdash.it.dbc) as a user adds a
 * suite: a card with an input and a button, and an alert the button's callbacks answer in (its text and colour).
 */
@ApplicationScoped
public class DbcApp implements DashApp {

    @Override
    public String slug() {
        return "dbc";
    }

    @Override
    public String title() {
        return "Bootstrap components";
    }

    @Override
    public Component layout() {
        return Dbc.Container(
                Dbc.Card(Dbc.CardBody(
                        Html.H4("Greeting").className("card-title"),
                        Dbc.Input().id("name").value("World").type_("text"),
                        Dbc.Button("Go").id("go").color("primary").className_("mt-2"))).id("card"),
                Dbc.Alert("Press Go").id("answer").color("secondary").className_("mt-3"));
    }

    @Override
    public void callbacks(CallbackRegistry app) {
        app.callback(new Output("answer", "children"), new Input("go", "n_clicks"), new State("name", "value"))
                .handle(args -> args.intOrZero(0) == 0 ? "Press Go"
                        : "Hello, " + args.string(1) + " (" + args.intOrZero(0) + ")");
        app.callback(new Output("answer", "color"), new Input("go", "n_clicks"))
                .handle(args -> args.intOrZero(0) == 0 ? "secondary" : "success");
    }
}
