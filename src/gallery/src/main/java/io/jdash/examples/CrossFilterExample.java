package io.jdash.examples;

import io.jdash.app.DashApp;
import io.jdash.callback.CallbackRegistry;
import io.jdash.callback.Input;
import io.jdash.callback.Output;
import io.jdash.layout.Component;
import io.jdash.layout.Dag;
import io.jdash.layout.Dcc;
import io.jdash.layout.Figure;
import io.jdash.layout.FigureLayout;
import io.jdash.layout.Html;
import io.jdash.layout.Trace;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cross-filtering between a graph and a grid: the countries selected on the graph (box or lasso, {@code selectedData})
 * are the grid's rows; the rows ticked in the grid ({@code selectedRows}) are compared on a second graph; a click on
 * a cell ({@code cellClicked}) is reported.
 */
@ApplicationScoped
public class CrossFilterExample implements DashApp {

    static final int YEAR = 2007;
    static final List<String> COLUMNS = List.of("country", "continent", "lifeExp", "gdpPercap", "pop");

    @Override
    public String slug() {
        return "cross-filter";
    }

    @Override
    public String title() {
        return "Cross-filtering: a graph and a grid";
    }

    @Override
    public String description() {
        return "Graph selectedData filters the AG Grid's rows; the grid's selectedRows fill a second graph.";
    }

    /** The countries of {@link #YEAR}, as the grid's rows. */
    static List<Map<String, Object>> countries() {
        return Gapminder.rows().stream().filter(row -> ((Double) row.get("year")).intValue() == YEAR)
                .map(row -> {
                    var kept = new java.util.LinkedHashMap<String, Object>();
                    COLUMNS.forEach(column -> kept.put(column, row.get(column)));
                    kept.put("gdpPercap", Math.round((Double) row.get("gdpPercap")));
                    kept.put("pop", Math.round((Double) row.get("pop")));
                    return (Map<String, Object>) kept;
                })
                .toList();
    }

    /** Every country as a point, to select from. */
    static Figure scatter(List<Map<String, Object>> rows) {
        return Figure.of(points(rows).name("Countries").marker(Map.of("size", 8, "color", "#636efa")))
                .withLayout(new FigureLayout()
                        .title("Life expectancy and GDP per capita, " + YEAR)
                        .height(380)
                        .set("xaxis.type", "log")
                        .set("xaxis.title.text", "GDP per capita")
                        .set("yaxis.title.text", "Life expectancy")
                        .set("dragmode", "select"));
    }

    /** The rows ticked in the grid, side by side. */
    static Figure ticked(List<Map<String, Object>> rows) {
        return Figure.of(Trace.bar()
                        .x(rows.stream().map(row -> row.get("country")).toList())
                        .y(rows.stream().map(row -> row.get("lifeExp")).toList())
                        .name("Life expectancy")
                        .marker(Map.of("color", "#ef553b")))
                .withLayout(new FigureLayout()
                        .title(rows.isEmpty() ? "Tick rows in the grid to compare them" : "The ticked countries")
                        .height(300)
                        .set("yaxis.title.text", "Life expectancy"));
    }

    private static Trace points(List<Map<String, Object>> rows) {
        return Trace.scatter().mode("markers")
                .x(rows.stream().map(row -> row.get("gdpPercap")).toList())
                .y(rows.stream().map(row -> row.get("lifeExp")).toList())
                .set("customdata", rows.stream().map(row -> row.get("country")).toList())
                .set("hovertemplate", "%{customdata}<extra></extra>");
    }

    @Override
    public Component layout() {
        List<Map<String, Object>> rows = countries();
        return Html.Div(
                Html.P("Drag a box on the graph to choose the grid's countries; tick rows in the grid to compare them"
                        + " below."),
                Dcc.Graph().id("scatter").figure(scatter(rows)),
                Html.P("All " + rows.size() + " countries").id("graph-selection"),
                Dag.AgGrid().id("grid")
                        .rowData(rows)
                        .columnDefs(COLUMNS.stream().map(column -> Map.of("field", column)).toList())
                        .dashGridOptions(Map.of("rowSelection", Map.of("mode", "multiRow"))),
                Html.P("No cell clicked").id("clicked-cell"),
                Dcc.Graph().id("ticked").figure(ticked(List.of())));
    }

    @Override
    public void callbacks(CallbackRegistry app) {
        List<Map<String, Object>> rows = countries();
        app.callback(new Output("grid", "rowData"), new Output("graph-selection", "children"),
                        new Input("scatter", "selectedData"))
                .preventInitialCall()
                .handle(args -> {
                    Set<String> chosen = countriesOf(args.get(0));
                    if (chosen == null) {
                        return List.of(rows, "All " + rows.size() + " countries");
                    }
                    var shown = rows.stream().filter(row -> chosen.contains((String) row.get("country"))).toList();
                    return List.of(shown, shown.size() + " countries selected on the graph");
                });
        app.callback(new Output("ticked", "figure"), new Input("grid", "selectedRows"))
                .preventInitialCall()
                .handle(args -> {
                    var ticked = new java.util.ArrayList<Map<String, Object>>();
                    if (args.get(0) instanceof List<?> selected) {
                        selected.forEach(row -> {
                            if (row instanceof Map<?, ?> map && map.get("country") instanceof String country) {
                                rows.stream().filter(r -> country.equals(r.get("country"))).forEach(ticked::add);
                            }
                        });
                    }
                    return ticked(ticked);
                });
        app.callback(new Output("clicked-cell", "children"), new Input("grid", "cellClicked"))
                .preventInitialCall()
                .handle(args -> args.get(0) instanceof Map<?, ?> cell
                        ? "Clicked " + cell.get("value") + " in column " + cell.get("colId")
                        : "No cell clicked");
    }

    /** The countries of a graph's {@code selectedData} (its points' customdata), or null when nothing is selected. */
    static Set<String> countriesOf(Object selectedData) {
        if (!(selectedData instanceof Map<?, ?> data) || !(data.get("points") instanceof List<?> points)) {
            return null;
        }
        var countries = new HashSet<String>();
        for (Object point : points) {
            if (point instanceof Map<?, ?> map && map.get("customdata") instanceof String country) {
                countries.add(country);
            }
        }
        return countries;
    }
}
