package io.jdash.it;

import io.jdash.app.DashApp;
import io.jdash.callback.CallbackRegistry;
import io.jdash.callback.Input;
import io.jdash.callback.Output;
import io.jdash.layout.Component;
import io.jdash.layout.Dag;
import io.jdash.layout.Html;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * JDash's AG Grid suite's events and settable props for AgGridBrowserIT: each event the grid reports is written
 * into a paragraph by a callback; two buttons set {@code selectedRows} and {@code filterModel} from the server. A
 * second grid has row ids ({@code getRowId} by fruit): "Reprice" gives it new rows (the same fruits, reversed, 10
 * dearer), and its selection, clicked row id and rows as shown ({@code virtualRowData}) are written out.
 */
@ApplicationScoped
public class AgGridApp implements DashApp {

    static final List<Map<String, Object>> ROWS = List.of(
            Map.of("fruit", "apple", "price", 3),
            Map.of("fruit", "banana", "price", 1),
            Map.of("fruit", "cherry", "price", 7),
            Map.of("fruit", "damson", "price", 5));

    @Override
    public String slug() {
        return "ag-grid-events";
    }

    @Override
    public String title() {
        return "AG Grid events";
    }

    @Override
    public Component layout() {
        return Html.Div(
                Dag.AgGrid().id("grid")
                        .rowData(ROWS)
                        .columnDefs(List.of(
                                Map.of("field", "fruit", "filter", true, "floatingFilter", true),
                                Map.of("field", "price", "editable", true)))
                        .dashGridOptions(Map.of("rowSelection", Map.of("mode", "multiRow"))),
                Html.Button("Select cherry").id("select-cherry"),
                Html.Button("Only bananas").id("only-bananas"),
                Html.P("none").id("double-clicked"),
                Html.P("none").id("value-changed"),
                Html.P("none").id("filter-model"),
                Html.P("none").id("selected"),
                Dag.AgGrid().id("keyed")
                        .getRowId("params.data.fruit")
                        .rowData(ROWS)
                        .columnDefs(List.of(Map.of("field", "fruit"), Map.of("field", "price", "sortable", true)))
                        .dashGridOptions(Map.of("rowSelection", Map.of("mode", "multiRow"))),
                Html.Button("Reprice").id("reprice"),
                Html.P("none").id("keyed-clicked"),
                Html.P("none").id("keyed-order"));
    }

    @Override
    public void callbacks(CallbackRegistry app) {
        app.callback(new Output("double-clicked", "children"), new Input("grid", "cellDoubleClicked"))
                .preventInitialCall()
                .handle(args -> args.get(0) instanceof Map<?, ?> cell ? cell.get("colId") + "=" + cell.get("value") : "none");
        app.callback(new Output("value-changed", "children"), new Input("grid", "cellValueChanged"))
                .preventInitialCall()
                .handle(args -> {
                    if (args.get(0) instanceof List<?> changes && !changes.isEmpty()
                            && changes.get(0) instanceof Map<?, ?> change && change.get("data") instanceof Map<?, ?> row) {
                        return row.get("fruit") + ": " + change.get("oldValue") + " -> " + change.get("value");
                    }
                    return "none";
                });
        app.callback(new Output("filter-model", "children"), new Input("grid", "filterModel"))
                .preventInitialCall()
                .handle(args -> args.get(0) instanceof Map<?, ?> model && model.get("fruit") instanceof Map<?, ?> fruit
                        ? "fruit " + fruit.get("type") + " " + fruit.get("filter") : "no filter");
        app.callback(new Output("selected", "children"), new Input("grid", "selectedRows"))
                .preventInitialCall()
                .handle(args -> args.get(0) instanceof List<?> rows
                        ? String.join(",", rows.stream().map(row -> String.valueOf(((Map<?, ?>) row).get("fruit"))).toList())
                        : "none");
        app.callback(new Output("grid", "selectedRows"), new Input("select-cherry", "n_clicks"))
                .preventInitialCall()
                .handle(args -> List.of(ROWS.get(2)));
        app.callback(new Output("keyed", "rowData"), new Input("reprice", "n_clicks"))
                .preventInitialCall()
                .handle(args -> {
                    var repriced = new java.util.ArrayList<Map<String, Object>>();
                    for (Map<String, Object> row : ROWS) {
                        repriced.add(0, Map.of("fruit", row.get("fruit"), "price", (Integer) row.get("price") + 10));
                    }
                    return repriced;
                });
        app.callback(new Output("keyed-clicked", "children"), new Input("keyed", "cellClicked"))
                .preventInitialCall()
                .handle(args -> args.get(0) instanceof Map<?, ?> cell ? "row " + cell.get("rowId") : "none");
        app.callback(new Output("keyed-order", "children"), new Input("keyed", "virtualRowData"))
                .preventInitialCall()
                .handle(args -> args.get(0) instanceof List<?> rows ? String.join(",", rows.stream()
                        .map(row -> ((Map<?, ?>) row).get("fruit") + ":" + ((Map<?, ?>) row).get("price")).toList()) : "none");
        app.callback(new Output("grid", "filterModel"), new Input("only-bananas", "n_clicks"))
                .preventInitialCall()
                .handle(args -> Map.of("fruit", Map.of("filterType", "text", "type", "equals", "filter", "banana")));
    }
}
