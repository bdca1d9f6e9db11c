package io.jdash.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdash.json.JsonCodec;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Figure, Trace and FigureLayout write Plotly's JSON shape, through the codec the server answers with. */
class FigureTest {

    /** Parsed, so that key order (Map.of has none) does not matter but every value and nesting does. */
    static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    static void assertJson(String expected, Object actual) {
        String written = JsonCodec.toJson(actual);
        assertEquals(json(expected), json(written), written);
    }

    @Test
    void horizontalBarWithAxisRangeHiddenTicksHeightAndMarginIsPlotlysShape() {
        Figure figure = Figure.of(Trace.bar().x(List.of(3)).orientation("h"))
                .withLayout(new FigureLayout()
                        .xaxisRange(0, 10)
                        .showYTickLabels(false)
                        .height(100)
                        .set("margin", Map.of("t", 20, "b", 40)));

        assertJson("""
                {"data":[{"type":"bar","x":[3],"orientation":"h"}],
                 "layout":{"xaxis":{"range":[0,10]},"yaxis":{"showticklabels":false},"height":100,
                           "margin":{"t":20,"b":40}}}""", figure);
    }

    @Test
    void aFigureWithoutLayoutHasAnEmptyOne() {
        assertJson("{\"data\":[{\"type\":\"scatter\",\"mode\":\"lines\",\"y\":[1,2]}],\"layout\":{}}",
                Figure.of(Trace.line().y(List.of(1, 2))));
    }

    @Test
    void dottedPathsNestAndShareTheirParent() {
        var layout = new FigureLayout()
                .title("Progress")
                .set("xaxis.title.text", "step")
                .xaxisRange(0, 5)
                .set("xaxis.title.font.size", 12)
                .showXTickLabels(true);

        assertJson("""
                {"title":{"text":"Progress"},
                 "xaxis":{"title":{"text":"step","font":{"size":12}},"range":[0,5],"showticklabels":true}}""",
                layout.toMap());
    }

    @Test
    void aDottedPathExtendsAMapSetWhole() {
        var layout = new FigureLayout()
                .set("margin", Map.of("t", 20))
                .set("margin.b", 40)
                .margin(1, 2, 3, 4)
                .set("margin.pad", 5);

        assertJson("{\"margin\":{\"t\":1,\"b\":2,\"l\":3,\"r\":4,\"pad\":5}}", layout.toMap());
    }

    @Test
    void aDottedPathReplacesAScalarOnItsWay() {
        var layout = new FigureLayout().set("xaxis", "x2").set("xaxis.range", List.of(0, 1));

        assertJson("{\"xaxis\":{\"range\":[0,1]}}", layout.toMap());
    }

    @Test
    void traceSetterWinsAndUnknownAttributesPassThrough() {
        Trace trace = Trace.bar().x(List.of(1)).set("x", List.of(2)).name("n").marker(Map.of("color", "red"))
                .set("hoverinfo", "skip");

        assertJson("{\"type\":\"bar\",\"x\":[2],\"name\":\"n\",\"marker\":{\"color\":\"red\"},\"hoverinfo\":\"skip\"}",
                trace.toMap());
    }

    @Test
    void aFiguresDataCannotBeChangedAfterwards() {
        Figure figure = Figure.of(Trace.bar());
        assertThrows(UnsupportedOperationException.class, () -> figure.data().add(Map.of()));
        assertThrows(UnsupportedOperationException.class, () -> figure.data().get(0).put("x", List.of()));
    }

    @Test
    void rawFigureRoundTripsThroughTheCodec() {
        String plotly = """
                {"data":[{"type":"scatter","x":[1,2,3],"y":[2.5,null,-1],"mode":"lines+markers",
                          "marker":{"color":"#636efa","size":[4,8]}},
                         {"type":"bar","x":["a","b"],"y":[1,2],"orientation":"v"}],
                 "layout":{"title":{"text":"raw"},"xaxis":{"range":[0,4],"showgrid":false},"barmode":"group",
                           "annotations":[{"text":"x","showarrow":false}]}}""";
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = JsonCodec.fromJson(plotly, Map.class);

        Figure figure = Figure.raw(parsed);

        assertJson(plotly, figure);
        assertEquals(2, figure.data().size());
    }

    @Test
    void rawFigureWithoutLayoutOrDataIsEmptyNotNull() {
        assertJson("{\"data\":[],\"layout\":{}}", Figure.raw(Map.of()));
    }

    @Test
    void graphCarriesItsFigureAsThePropOnTheWire() {
        Component graph = Dcc.Graph().figure(Figure.of(Trace.bar().x(List.of(0)))).id("g");

        assertJson("""
                {"type":"Graph","namespace":"dash_core_components",
                 "props":{"id":"g","figure":{"data":[{"type":"bar","x":[0]}],"layout":{}}}}""", graph);
    }
}
