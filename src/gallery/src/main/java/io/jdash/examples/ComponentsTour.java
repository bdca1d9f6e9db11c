package io.jdash.examples;

import io.jdash.app.DashApp;
import io.jdash.callback.CallbackRegistry;
import io.jdash.callback.Input;
import io.jdash.callback.Output;
import io.jdash.callback.PreventUpdate;
import io.jdash.callback.State;
import io.jdash.layout.Component;
import io.jdash.layout.Dcc;
import io.jdash.layout.Figure;
import io.jdash.layout.Html;
import io.jdash.layout.Trace;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Every component of Dash's {@code dcc}, each wired to a callback that shows what it sends, on Dash's own renderer:
 * pick, slide, type, click, upload, and read the answer below each one.
 */
@ApplicationScoped
public class ComponentsTour implements DashApp {

    @Override
    public String slug() {
        return "components";
    }

    @Override
    public String title() {
        return "Components tour";
    }

    @Override
    public String description() {
        return "Every dcc component with a callback: Dropdown, Slider, DatePicker, Tabs, Upload, Graph and the rest.";
    }

    /** A titled block: the component, then the text its callback writes. */
    private static Component section(String name, Object component, String outputId) {
        return Html.Section(Html.H3(name), component, Html.Pre().id(outputId))
                .style(Map.of("borderTop", "1px solid #ddd", "padding", "4px 0 12px"));
    }

    private static final List<Map<String, Object>> CITIES = List.of(
            Map.of("label", "New York City", "value", "NYC"),
            Map.of("label", "Montréal", "value", "MTL"),
            Map.of("label", "San Francisco", "value", "SF"));

    @Override
    public Component layout() {
        return Html.Div(
                Html.H1("Components tour"),
                Dcc.Location().id("url"),
                section("Dropdown", Dcc.Dropdown().id("dropdown").options(CITIES).value("NYC").clearable(false),
                        "dropdown-out"),
                section("Slider", Dcc.Slider().id("slider").min(0).max(10).step(1).value(5), "slider-out"),
                section("RangeSlider", Dcc.RangeSlider().id("range").min(0).max(10).step(1).value(List.of(2, 8)),
                        "range-out"),
                section("Checklist", Dcc.Checklist().id("checklist").options(List.of("a", "b", "c")).value(List.of("a"))
                        .inline(true), "checklist-out"),
                section("RadioItems", Dcc.RadioItems().id("radio").options(List.of("red", "green", "blue")).value("red")
                        .inline(true), "radio-out"),
                section("Input", Dcc.Input().id("input").type_("text").value("hello"), "input-out"),
                section("Textarea", Dcc.Textarea().id("textarea").value("two\nlines"), "textarea-out"),
                section("Button", Dcc.Button("Press").id("button"), "button-out"),
                section("DatePickerSingle", Dcc.DatePickerSingle().id("date").date("2026-12-01"), "date-out"),
                section("DatePickerRange", Dcc.DatePickerRange().id("dates").startDate("2026-12-01").endDate("2026-12-24"),
                        "dates-out"),
                section("Tabs", Dcc.Tabs(Dcc.Tab().label("One").value("one").id("tab-one"),
                        Dcc.Tab().label("Two").value("two").id("tab-two")).id("tabs").value("one"), "tabs-out"),
                section("Loading", Html.Div(Html.Button("Slow work").id("loading-button"),
                        Dcc.Loading(Html.Div("not run yet").id("loading-result")).id("loading")), "loading-out"),
                section("Store", Html.Div(Html.Button("Count into the store").id("store-button"),
                        Dcc.Store().id("store").data(Map.of("count", 0))), "store-out"),
                section("Interval", Dcc.Interval().id("interval").interval(500).maxIntervals(3), "interval-out"),
                section("Markdown", Html.Div(Dcc.Input().id("markdown-in").value("**bold** and `code`"),
                        Dcc.Markdown().id("markdown")), "markdown-out"),
                section("Graph", Dcc.Graph().id("graph").figure(Figure.of(
                        Trace.bar().x(List.of("a", "b", "c")).y(List.of(3, 1, 2)))), "graph-out"),
                section("Tooltip", Html.Div(Html.Button("Toggle tooltip").id("tooltip-button"),
                        Dcc.Tooltip(Html.Span("I am a tooltip")).id("tooltip").show(false)
                                .bbox(Map.of("x0", 0, "y0", 0, "x1", 10, "y1", 10))), "tooltip-out"),
                section("Upload", Dcc.Upload(Html.Div("Drop a file here or click")).id("upload")
                        .style(Map.of("border", "1px dashed #888", "padding", "8px")), "upload-out"),
                section("Download", Html.Div(Html.Button("Download a text file").id("download-button"),
                        Dcc.Download().id("download")), "download-out"),
                section("Clipboard", Html.Div(Html.Span("copy me").id("copy-source"),
                        Dcc.Clipboard().id("clipboard").targetId("copy-source")), "clipboard-out"),
                section("ConfirmDialogProvider", Dcc.ConfirmDialogProvider(Html.Button("Delete everything").id("danger"))
                        .id("confirm").message("Really?"), "confirm-out"),
                section("Link and Location", Html.Div(Dcc.Link("Go to ?page=2").href("?page=2").id("link")),
                        "url-out"),
                section("Geolocation", Html.Div(Html.Button("Where am I?").id("geo-button"),
                        Dcc.Geolocation().id("geolocation")), "geo-out"));
    }

    @Override
    public void callbacks(CallbackRegistry app) {
        app.callback(new Output("dropdown-out", "children"), new Input("dropdown", "value"))
                .handle(args -> "city: " + args.get(0));
        app.callback(new Output("slider-out", "children"), new Input("slider", "value"))
                .handle(args -> "slider: " + args.get(0));
        app.callback(new Output("range-out", "children"), new Input("range", "value"))
                .handle(args -> "range: " + args.get(0));
        app.callback(new Output("checklist-out", "children"), new Input("checklist", "value"))
                .handle(args -> "checked: " + args.get(0));
        app.callback(new Output("radio-out", "children"), new Input("radio", "value"))
                .handle(args -> "colour: " + args.get(0));
        app.callback(new Output("input-out", "children"), new Input("input", "value"))
                .handle(args -> "typed: " + args.get(0));
        app.callback(new Output("textarea-out", "children"), new Input("textarea", "value"))
                .handle(args -> "lines: " + args.string(0).split("\n", -1).length);
        app.callback(new Output("button-out", "children"), new Input("button", "n_clicks"))
                .handle(args -> "pressed " + args.intOrZero(0) + " times");
        app.callback(new Output("date-out", "children"), new Input("date", "date"))
                .handle(args -> "date: " + args.get(0));
        app.callback(new Output("dates-out", "children"), new Input("dates", "start_date"), new Input("dates", "end_date"))
                .handle(args -> "from " + args.get(0) + " to " + args.get(1));
        app.callback(new Output("tabs-out", "children"), new Input("tabs", "value"))
                .handle(args -> "tab: " + args.get(0));
        app.callback(new Output("loading-result", "children"), new Input("loading-button", "n_clicks"))
                .preventInitialCall()
                .handle(args -> {
                    Thread.sleep(1500); // long enough for the spinner to show
                    return "done " + args.get(0);
                });
        app.callback(new Output("loading-out", "children"), new Input("loading-result", "children"))
                .handle(args -> "result: " + (args.get(0) instanceof List<?> list && list.size() == 1 ? list.get(0) : args.get(0)));
        app.callback(new Output("store", "data"), new Input("store-button", "n_clicks"), new State("store", "data"))
                .preventInitialCall()
                .handle(args -> {
                    var data = (Map<?, ?>) args.get(1);
                    return Map.of("count", ((Number) data.get("count")).intValue() + 1);
                });
        app.callback(new Output("store-out", "children"), new Input("store", "data"))
                .handle(args -> "store: " + args.get(0));
        app.callback(new Output("interval-out", "children"), new Input("interval", "n_intervals"))
                .handle(args -> "ticks: " + args.intOrZero(0));
        app.callback(new Output("markdown", "children"), new Input("markdown-in", "value"))
                .handle(args -> args.get(0));
        app.callback(new Output("markdown-out", "children"), new Input("markdown-in", "value"))
                .handle(args -> "characters: " + args.string(0).length());
        app.callback(new Output("graph-out", "children"), new Input("graph", "clickData"))
                .handle(args -> {
                    if (args.get(0) == null) {
                        return "click a bar";
                    }
                    var point = (Map<?, ?>) ((List<?>) ((Map<?, ?>) args.get(0)).get("points")).get(0);
                    return "clicked " + point.get("x") + " = " + point.get("y");
                });
        app.callback(new Output("tooltip", "show"), new Output("tooltip-out", "children"),
                        new Input("tooltip-button", "n_clicks"))
                .handle(args -> {
                    boolean show = args.intOrZero(0) % 2 == 1;
                    return List.of(show, show ? "tooltip shown" : "tooltip hidden");
                });
        app.callback(new Output("upload-out", "children"), new Input("upload", "contents"), new State("upload", "filename"))
                .handle(args -> {
                    if (args.get(0) == null) {
                        return "no file yet";
                    }
                    String contents = args.string(0); // data:<type>;base64,<data>
                    int base64 = contents.length() - contents.indexOf(',') - 1;
                    return "uploaded " + args.get(1) + " (" + (base64 / 4 * 3) + " bytes, about)";
                });
        app.callback(new Output("download", "data"), new Output("download-out", "children"),
                        new Input("download-button", "n_clicks"))
                .preventInitialCall()
                .handle(args -> List.of(Map.of("content", "Hello from JDash\n", "filename", "hello.txt"),
                        "sent hello.txt"));
        app.callback(new Output("clipboard-out", "children"), new Input("clipboard", "n_clicks"))
                .handle(args -> "copied " + args.intOrZero(0) + " times");
        app.callback(new Output("confirm-out", "children"), new Input("confirm", "submit_n_clicks"))
                .handle(args -> args.get(0) == null ? "not confirmed" : "confirmed " + args.get(0) + " times");
        app.callback(new Output("url-out", "children"), new Input("url", "search"))
                .handle(args -> "search: " + (args.get(0) == null || args.string(0).isEmpty() ? "(none)" : args.get(0)));
        app.callback(new Output("geolocation", "update_now"), new Input("geo-button", "n_clicks"))
                .preventInitialCall()
                .handle(args -> true);
        app.callback(new Output("geo-out", "children"), new Input("geolocation", "position"),
                        new Input("geolocation", "position_error"))
                .handle(args -> {
                    if (args.get(0) == null && args.get(1) == null) {
                        throw new PreventUpdate();
                    }
                    return args.get(0) != null ? "position: " + args.get(0) : "no position: " + args.get(1);
                });
    }
}
