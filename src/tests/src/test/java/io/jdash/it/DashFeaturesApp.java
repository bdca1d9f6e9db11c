package io.jdash.it;

import static io.jdash.callback.Wildcard.ALL;
import static io.jdash.callback.Wildcard.MATCH;

import io.jdash.app.DashApp;
import io.jdash.callback.CallbackContext;
import io.jdash.callback.CallbackRegistry;
import io.jdash.callback.ClientsideFunction;
import io.jdash.callback.Input;
import io.jdash.callback.Output;
import io.jdash.callback.Patch;
import io.jdash.callback.PropValue;
import io.jdash.callback.State;
import io.jdash.layout.Component;
import io.jdash.layout.Dcc;
import io.jdash.layout.Html;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Dash's callback features on Dash's renderer, one small part each: pattern-matching ids (rows added by a
 * {@link Patch}, a MATCH callback per row, an ALL summary), an output two callbacks write ({@code allowDuplicate}),
 * arguments in declaration order, the request's cookies and headers with a cookie set in the answer, and a
 * clientside callback from the app's assets script ({@link #ASSET_SCRIPT}, with a stylesheet {@link #ASSET_STYLE}).
 */
@ApplicationScoped
public class DashFeaturesApp implements DashApp {

    /** The app's assets script, served from {@code assets/features/} of the test WAR. */
    static final String ASSET_SCRIPT = """
            window.dash_clientside = Object.assign({}, window.dash_clientside, {
                features: { shout: function (value) { return String(value).toUpperCase() + '!'; } }
            });
            """;
    static final String ASSET_STYLE = "#who-out { color: rgb(0, 128, 0); }\n";

    @Override
    public String slug() {
        return "features";
    }

    @Override
    public String title() {
        return "Callback features";
    }

    @Override
    public Component layout() {
        return Html.Div(
                Html.Button("Add row").id("add-row"),
                Html.Button("Clear").id("clear"),
                Html.Div(List.of()).id("rows"), // children=[]: a Patch appends to it
                Html.Div().id("total"),
                Dcc.Input().id("order-a").value("a"),
                Dcc.Input().id("order-b").value("b"),
                Dcc.Input().id("order-c").value("c"),
                Html.Div().id("order-out"),
                Html.Button("Who").id("who"),
                Html.Div().id("who-out"),
                Dcc.Input().id("shout-in").value("quiet"),
                Html.Div().id("shout-out"),
                Html.A("a javascript: link").id("bad-link").href("javascript:window.pwned=1"),
                Dcc.Link("a javascript: dcc.Link").id("bad-dcc-link").href(" javascript:window.pwned=2"),
                Html.Div("<img src=x onerror=window.pwned=3>").id("markup-text"),
                Dcc.Input().id("ws-in").value("first"),
                Html.Div().id("ws-out"));
    }

    static Map<String, Object> rowId(String type, Object index) {
        return Map.of("type", type, "index", index);
    }

    @Override
    public void callbacks(CallbackRegistry app) {
        app.callback(new Output("rows", "children"), new Input("add-row", "n_clicks")).preventInitialCall()
                .handle(args -> {
                    int n = args.intOrZero(0);
                    return new Patch().at().append(Html.Div(
                            Dcc.Input().id(rowId("row-in", n)).value(""),
                            Html.Span().id(rowId("row-out", n))).id("row-" + n));
                });

        app.callback(new Output(rowId("row-out", MATCH), "children"), new Input(rowId("row-in", MATCH), "value"))
                .handle(args -> {
                    // the row's own input, also on the call made when the row appears (no trigger then)
                    var input = (PropValue) CallbackContext.callbackContext().inputsList().get(0);
                    Object index = ((Map<?, ?>) input.id()).get("index");
                    return "row " + index + " = [" + args.get(0) + "]";
                });

        app.callback(new Output("total", "children"), new Input(rowId("row-in", ALL), "value"))
                .handle(args -> {
                    List<?> values = (List<?>) args.get(0);
                    return values.size() + " rows [" + values.stream().map(String::valueOf).collect(Collectors.joining("|")) + "]";
                });

        app.callback(new Output("total", "children").allowDuplicate(), new Input("clear", "n_clicks")).preventInitialCall()
                .handle(args -> "cleared");

        app.callback(new Output("order-out", "children"), new Input("order-a", "value"), new State("order-b", "value"),
                new Input("order-c", "value"))
                .handle(args -> args.values().stream().map(String::valueOf).collect(Collectors.joining(",")));

        // Dash's websocket=True: the call travels over the app's WebSocket; the handshake's headers say so
        app.callback(new Output("ws-out", "children"), new Input("ws-in", "value")).websocket()
                .handle(args -> "over " + ("websocket".equalsIgnoreCase(CallbackContext.callbackContext().headers()
                        .get("upgrade")) ? "the websocket" : "http") + ": " + args.get(0));

        app.clientsideCallback(ClientsideFunction.of("features", "shout"), new Output("shout-out", "children"),
                new Input("shout-in", "value"));

        app.callback(new Output("who-out", "children"), new Input("who", "n_clicks")).preventInitialCall()
                .handle(args -> {
                    CallbackContext ctx = CallbackContext.callbackContext();
                    String flavor = ctx.cookies().get("flavor");
                    ctx.setCookie("flavor", "mint");
                    boolean owner = ctx.cookies().containsKey("jdash-owner");
                    return "flavor " + Objects.requireNonNullElse(flavor, "none") + ", header "
                            + ctx.headers().containsKey("x-jdash-csrf") + ", owner shown " + owner;
                });
    }
}
