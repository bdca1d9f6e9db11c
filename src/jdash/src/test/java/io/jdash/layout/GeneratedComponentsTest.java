package io.jdash.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.jdash.json.JsonCodec;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The classes the jdash-maven-plugin generates from Dash's suites, and the children_props it lists. */
class GeneratedComponentsTest {

    @Test
    void aGeneratedDropdownSerializesAsDashsJson() {
        Component dropdown = Dcc.Dropdown().id("city").options(List.of("NYC")).value("NYC");

        assertEquals("{\"type\":\"Dropdown\",\"namespace\":\"dash_core_components\",\"props\":"
                + "{\"id\":\"city\",\"options\":[\"NYC\"],\"value\":\"NYC\"}}", JsonCodec.toJson(dropdown));
    }

    @Test
    void settersKeepTheComponentsTypeAndFactoriesTakeChildren() {
        Component layout = Html.Div(Html.H1("Title"), Dcc.Graph().id("g").figure(Figure.of(Trace.bar())))
                .className("page");

        assertEquals("Div", layout.type());
        assertEquals(Html.NAMESPACE, layout.namespace());
        assertEquals("Graph", ((Component) layout.children().get(1)).type());
        assertEquals("page", layout.get("className"));
        assertEquals(List.of(5), DashTable.DataTable().id("t").data(List.of(5)).get("data"));
        assertEquals(Dcc.NAMESPACE, Dcc.Loading().namespace());
    }

    @Test
    void componentSuitesJsonListsTheChildrenPropsOfDcc() throws IOException {
        JsonObject dcc = suite("dash_core_components");

        assertEquals("dash-core-components", dcc.getString("npmPackage"));
        assertEquals("4.5.0", dcc.getString("version"));
        JsonObject childrenProps = dcc.getJsonObject("childrenProps");
        assertEquals(List.of("custom_spinner"), strings(childrenProps.getJsonArray("Loading")));
        assertEquals(List.of("label"), strings(childrenProps.getJsonArray("Tab")));
        assertEquals(List.of("options[].label"), strings(childrenProps.getJsonArray("Dropdown")));
        assertNotNull(suite("dash_html_components"));
        assertEquals("7.4.1", suite("dash_table").getString("version"));
    }

    private static JsonObject suite(String namespace) throws IOException {
        try (InputStream in = GeneratedComponentsTest.class.getResourceAsStream("/META-INF/jdash/component-suites.json")) {
            assertNotNull(in, "component-suites.json is not on the classpath");
            JsonArray suites = Json.createReader(in).readArray();
            return suites.stream().map(JsonObject.class::cast)
                    .filter(s -> s.getString("namespace").equals(namespace)).findFirst().orElse(null);
        }
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
