package io.jdash.layout;

import java.util.List;
import java.util.Map;

/**
 * dash-ag-grid ({@code import dash_ag_grid as dag}): {@code Dag.AgGrid()} is {@code dag.AgGrid()}, an AG Grid
 * Community grid. Its props keep dash-ag-grid's names: {@code rowData}, {@code columnDefs},
 * {@code defaultColDef}, {@code dashGridOptions} (any AG Grid option, such as {@code pagination}). A new
 * {@code rowData} updates the grid in place: pagination and sort are kept.
 */
public final class Dag {

    /** The namespace dash-ag-grid gives its component on the wire. */
    public static final String NAMESPACE = "dash_ag_grid";

    private Dag() {
    }

    public static Component AgGrid() {
        return Component.of("AgGrid", NAMESPACE);
    }

    /** {@code [{"field": c} for c in fields]}: one plain column per field. */
    public static List<Map<String, Object>> columnDefs(List<String> fields) {
        return fields.stream().map(field -> Map.<String, Object>of("field", field)).toList();
    }
}
