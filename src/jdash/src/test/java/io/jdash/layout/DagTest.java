package io.jdash.layout;

import static io.jdash.layout.FigureTest.assertJson;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** dash-ag-grid's AgGrid: its wire shape, columnDefs, and the size its first paint gets. */
class DagTest {

    @Test
    void columnDefsIsOneFieldPerColumnInOrder() {
        assertJson("[{\"field\":\"country\"},{\"field\":\"year\"},{\"field\":\"pop\"}]",
                Dag.columnDefs(List.of("country", "year", "pop")));
        assertEquals(List.of(), Dag.columnDefs(List.of()));
    }

    @Test
    void agGridIsInDashAgGridsNamespaceWithItsOptions() {
        Component grid = Dag.AgGrid().id("ag-grid-updating").prop("dashGridOptions", Map.of("pagination", true));

        assertJson("""
                {"type":"AgGrid","namespace":"dash_ag_grid",
                 "props":{"id":"ag-grid-updating","dashGridOptions":{"pagination":true}}}""", grid);
    }

    @Test
    void firstPaintOfAGridIsAFullWidthDiv400PixelsHigh() {
        Component grid = Dag.AgGrid().id("ag-grid-updating").prop("dashGridOptions", Map.of("pagination", true))
                .prop("rowData", List.of(Map.of("a", 1)));

        assertEquals("<div id=\"ag-grid-updating\" style=\"height:400px;width:100%\"></div>",
                HtmlRenderer.render(grid));
    }

    @Test
    void aGridsOwnStyleOverridesTheDefaultSize() {
        Component grid = Dag.AgGrid().id("g").style(Map.of("height", "250px", "marginTop", 8));

        String html = HtmlRenderer.render(grid);

        assertEquals("<div id=\"g\" style=\"height:250px;width:100%;margin-top:8px\"></div>", html);
    }

    @Test
    void firstPaintOfAGraphIsAnEmptyDivWithItsId() {
        Component graph = Dcc.Graph().figure(Figure.of(Trace.bar())).id("progress_bar_graph");

        assertEquals("<div id=\"progress_bar_graph\"></div>", HtmlRenderer.render(graph));
    }
}
