package io.jdash.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdash.json.JsonCodec;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The layout as Dash's renderer reads it, written through {@link JsonCodec}. */
class ComponentJsonTest {

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    @Test
    void componentIsWrittenInDashWireShape() {
        JsonObject json = parse(JsonCodec.toJson(Html.P("hello").id("greeting").className("big")));

        assertEquals(List.of("type", "namespace", "props"), List.copyOf(json.keySet()));
        assertEquals("P", json.getString("type"));
        assertEquals("dash_html_components", json.getString("namespace"));
        JsonObject props = json.getJsonObject("props");
        assertEquals("greeting", props.getString("id"));
        assertEquals("big", props.getString("className"));
        assertEquals(Json.createArrayBuilder().add("hello").build(), props.getJsonArray("children"));
    }

    @Test
    void idAndChildrenAreLeftOutWhenUnset() {
        JsonObject props = parse(JsonCodec.toJson(Html.Div().prop("title", "t"))).getJsonObject("props");

        assertEquals(Json.createObjectBuilder().add("title", "t").build(), props);
    }

    @Test
    void nestedComponentsAreWrittenInDashShapeToo() {
        Component layout = Html.Div(
                Html.P("text", 7).id("p"),
                Dcc.Input().id("in").value("v"));

        JsonObject root = parse(JsonCodec.toJson(layout));
        var children = root.getJsonObject("props").getJsonArray("children");

        assertEquals(2, children.size());
        JsonObject p = children.getJsonObject(0);
        assertEquals("P", p.getString("type"));
        assertEquals("dash_html_components", p.getString("namespace"));
        assertEquals("p", p.getJsonObject("props").getString("id"));
        assertEquals("text", p.getJsonObject("props").getJsonArray("children").getString(0));
        assertEquals(7, p.getJsonObject("props").getJsonArray("children").getInt(1));
        JsonObject input = children.getJsonObject(1);
        assertEquals("Input", input.getString("type"));
        assertEquals("dash_core_components", input.getString("namespace"));
        assertEquals("v", input.getJsonObject("props").getString("value"));
    }

    @Test
    void propValuesKeepTheirJsonTypes() {
        Component c = Html.Button("Go").id("b").nClicks(0).disabled(true)
                .style(Map.of("width", 10, "color", "red"))
                .prop("data", List.of(1, "two"));

        JsonObject props = parse(JsonCodec.toJson(c)).getJsonObject("props");

        assertEquals(0, props.getInt("n_clicks"));
        assertEquals(JsonValue.TRUE, props.get("disabled"));
        assertEquals(10, props.getJsonObject("style").getInt("width"));
        assertEquals("red", props.getJsonObject("style").getString("color"));
        assertEquals(Json.createArrayBuilder().add(1).add("two").build(), props.getJsonArray("data"));
    }

    @Test
    void aComponentInsideAPropIsWrittenInDashShape() {
        Component c = Html.Div().prop("label", Html.Span("inner").id("s"));

        JsonObject label = parse(JsonCodec.toJson(c)).getJsonObject("props").getJsonObject("label");

        assertEquals("Span", label.getString("type"));
        assertEquals("s", label.getJsonObject("props").getString("id"));
    }

    @Test
    void aComponentInsideAMapIsWrittenInDashShape() {
        Map<String, Map<String, Object>> response = Map.of("out", Map.of("children", Html.B("bold")));

        JsonObject json = parse(JsonCodec.toJson(response));

        JsonObject child = json.getJsonObject("out").getJsonObject("children");
        assertEquals("B", child.getString("type"));
        assertEquals("bold", child.getJsonObject("props").getJsonArray("children").getString(0));
    }

    @Test
    void scriptTextIsEscapedInJsonForHtml() {
        Component c = Html.P("</script><script>alert(1)</script>").prop("title", "<b>");

        String json = JsonCodec.toJsonForHtml(c);

        assertFalse(json.contains("<"), json);
        assertTrue(json.contains("\\u003c/script>"), json);
        JsonObject props = parse(json).getJsonObject("props");
        assertEquals("</script><script>alert(1)</script>", props.getJsonArray("children").getString(0));
        assertEquals("<b>", props.getString("title"));
    }

    @Test
    void componentsAreNotReadBackFromJson() {
        var adapter = new ComponentJsonAdapter();

        assertThrows(UnsupportedOperationException.class, () -> adapter.adaptFromJson(Map.of()));
    }

    @Test
    void childrenNeverGivenAreLeftOutButAnEmptyListIsSent() {
        assertEquals("{\"type\":\"Div\",\"namespace\":\"dash_html_components\",\"props\":{\"id\":\"a\"}}",
                io.jdash.json.JsonCodec.toJson(Html.Div().id("a")));
        assertEquals("{\"type\":\"Div\",\"namespace\":\"dash_html_components\",\"props\":{\"id\":\"a\",\"children\":[]}}",
                io.jdash.json.JsonCodec.toJson(Html.Div(java.util.List.of()).id("a")));
        assertEquals(java.util.List.of("x", "y"), Html.Div(java.util.List.of("x", "y")).children(), "a List stands for its items");
    }
}
