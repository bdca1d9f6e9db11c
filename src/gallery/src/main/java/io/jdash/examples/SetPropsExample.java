package io.jdash.examples;

import io.jdash.app.DashApp;
import io.jdash.callback.Running;
import io.jdash.callback.CallbackRegistry;
import io.jdash.callback.Input;
import io.jdash.callback.Output;
import io.jdash.layout.Component;
import io.jdash.layout.Dag;
import io.jdash.layout.Html;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/** Example 6: a callback with no Output fills an AG Grid through set_props, 100 rows at a time, while it runs. */
@ApplicationScoped
public class SetPropsExample implements DashApp {

    @Override
    public String slug() {
        return "set-props";
    }

    @Override
    public String title() {
        return "6. set_props from a background callback";
    }

    @Override
    public String description() {
        return "No Output at all: the job fills the grid with set_props(\"ag-grid-updating\", …) every 2 s.";
    }

    @Override
    public Component layout() {
        return Html.Div(
                Html.Button("Get data").id("button_id"),
                Html.Button("Cancel Running Job!").id("cancel_button_id"),
                Dag.AgGrid().id("ag-grid-updating").dashGridOptions(Map.of("pagination", true)));
    }

    @Override
    public void callbacks(CallbackRegistry app) {
        app.callback(new Input("button_id", "n_clicks"))
                .background()
                .running(
                        new Running(new Output("button_id", "disabled"), true, false),
                        new Running(new Output("cancel_button_id", "disabled"), false, true))
                .cancel(new Input("cancel_button_id", "n_clicks"))
                .handle((job, args) -> {
                    List<Map<String, Object>> df = Gapminder.rows();
                    var columnDefs = Gapminder.COLUMNS.stream().map(c -> Map.of("field", c)).toList();
                    int rowsPerStep = 100;
                    int totalRows = df.size();
                    while (totalRows > 0) {
                        int end = df.size() - totalRows + rowsPerStep;
                        totalRows -= rowsPerStep;
                        job.sleep(2000);
                        job.setProps("ag-grid-updating",
                                Map.of("rowData", df.subList(0, Math.min(end, df.size())), "columnDefs", columnDefs));
                    }
                    return null;
                });
    }
}
