package io.jdash.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComponentTest {

    @Test
    void withPropsSetsThePropsGivenForEachComponentBelowAndKeepsTheRest() {
        Component page = Html.Div(
                Html.Button("Build").id("build"),
                Html.Div(Html.Progress().id("bar").value("0")).id("box"),
                Dcc.Loading(Html.P("x").id("inside")).id("spinner"));

        java.util.function.Function<Component, Map<String, Object>> running = component -> switch (
                String.valueOf(component.id())) {
            case "build" -> Map.of("disabled", true);
            case "bar" -> Map.of("value", "4");
            case "inside" -> java.util.Collections.singletonMap("children", null);
            default -> null;
        };
        Component shown = page.withProps(running);

        List<Component> all = shown.descendantsAndSelf();
        assertEquals(true, all.stream().filter(c -> "build".equals(c.id())).findFirst().orElseThrow().get("disabled"));
        assertEquals("4", all.stream().filter(c -> "bar".equals(c.id())).findFirst().orElseThrow().get("value"));
        assertFalse(all.stream().filter(c -> "inside".equals(c.id())).findFirst().orElseThrow().hasChildrenProp());
        assertEquals(page.descendantsAndSelf().size(), all.size(), "no component added or lost");
        assertEquals("0", page.descendantsAndSelf().stream().filter(c -> "bar".equals(c.id())).findFirst().orElseThrow()
                .get("value"), "the original is unchanged");
        assertEquals(List.of("a", shown), Component.withPropsIn(List.of("a", page), running));
    }

    @Test
    void withersReturnANewComponentAndLeaveTheOriginalUnchanged() {
        Component original = Html.Div("text");

        Component changed = original.id("box").className("wide").prop("title", "hello");

        assertNotSame(original, changed);
        assertNull(original.id());
        assertTrue(original.props().isEmpty());
        assertEquals("box", changed.id());
        assertEquals(Map.of("className", "wide", "title", "hello"), changed.props());
        assertEquals(List.of("text"), changed.children());
    }

    @Test
    void typedWithersSetTheDashPropNames() {
        Component c = Html.Button("Go")
                .style(Map.of("color", "red"))
                .disabled(true)
                .value("v")
                .nClicks(3);

        assertEquals(Map.of("color", "red"), c.get("style"));
        assertEquals(true, c.get("disabled"));
        assertEquals("v", c.get("value"));
        assertEquals(3, c.get("n_clicks"));
    }

    @Test
    void propKeepsTheOrderPropsWereSetIn() {
        Component c = Html.Div().prop("b", 1).prop("a", 2).prop("c", 3);

        assertEquals(List.of("b", "a", "c"), new ArrayList<>(c.props().keySet()));
    }

    @Test
    void propWithNullRemovesTheProp() {
        Component c = Html.Div().prop("title", "x").prop("title", null);

        assertFalse(c.props().containsKey("title"));
        assertNull(c.get("title"));
    }

    @Test
    void propIdSetsTheIdNotAPlainProp() {
        Component c = Html.Div().prop("id", "main");

        assertEquals("main", c.id());
        assertFalse(c.props().containsKey("id"));
        assertEquals("main", c.get("id"));
    }

    @Test
    void propChildrenWithAListReplacesTheChildren() {
        Component c = Html.Div("old").prop("children", List.of("a", Html.Span("b"), 3));

        assertEquals(List.of("a", Html.Span("b"), 3), c.children());
        assertFalse(c.props().containsKey("children"));
    }

    @Test
    void propChildrenWithOneValueMakesItTheOnlyChild() {
        Component c = Html.Div("old", "older").prop("children", "new");

        assertEquals(List.of("new"), c.children());
    }

    @Test
    void propChildrenWithNullClearsTheChildren() {
        Component c = Html.Div("old").prop("children", null);

        assertTrue(c.children().isEmpty());
        assertNull(c.get("children"));
    }

    @Test
    void getReturnsChildrenAndNullForUnsetProps() {
        Component c = Html.P("one", 2);

        assertEquals(List.of("one", 2), c.get("children"));
        assertNull(c.get("title"));
        assertNull(Html.P().get("children"));
    }

    @Test
    void idInThePropsMapIsRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Component("Div", Html.NAMESPACE, null, Map.of("id", "x"), List.of()));
        assertTrue(e.getMessage().contains("'id'"), e.getMessage());
    }

    @Test
    void childrenInThePropsMapIsRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Component("Div", Html.NAMESPACE, null, Map.of("children", List.of("x")), List.of()));
        assertTrue(e.getMessage().contains("'children'"), e.getMessage());
    }

    @Test
    void propsAndChildrenCannotBeChangedFromOutside() {
        var props = new java.util.HashMap<String, Object>(Map.of("title", "t"));
        var children = new ArrayList<Object>(List.of("a"));
        Component c = new Component("Div", Html.NAMESPACE, null, props, children);

        props.put("title", "changed");
        children.add("b");

        assertEquals("t", c.get("title"));
        assertEquals(List.of("a"), c.children());
        assertThrows(UnsupportedOperationException.class, () -> c.props().put("x", 1));
        assertThrows(UnsupportedOperationException.class, () -> c.children().add("x"));
    }

    @Test
    void childrenMayBeComponentsStringsAndNumbers() {
        Component c = Html.Div(Html.Span("s"), "text", 42, 1.5, new StringBuilder("sb"));

        assertEquals(5, c.children().size());
    }

    @Test
    void aChildThatIsNotAComponentStringOrNumberIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> Html.Div(Boolean.TRUE));
        assertTrue(e.getMessage().contains("java.lang.Boolean"), e.getMessage());

        assertThrows(IllegalArgumentException.class, () -> Html.Div(List.of(List.of("nested"))), "a list inside the list");
        assertThrows(IllegalArgumentException.class, () -> Html.Div("a", List.of("b")), "a list beside a child");
        assertThrows(IllegalArgumentException.class, () -> Html.Div().children(Map.of("a", 1)));
    }

    @Test
    void aNullChildIsRefusedWithAClearMessage() {
        var e = assertThrows(IllegalArgumentException.class, () -> Html.Div("a", null));
        assertTrue(e.getMessage().contains("not null"), e.getMessage());
    }

    @Test
    void aComponentNeedsATypeAndANamespace() {
        assertThrows(NullPointerException.class, () -> new Component(null, Html.NAMESPACE, null, Map.of(), List.of()));
        assertThrows(NullPointerException.class, () -> new Component("Div", null, null, Map.of(), List.of()));
    }

    @Test
    void descendantsAndSelfListsEveryComponentDepthFirst() {
        Component c1 = Html.Span("1").id("c1");
        Component b = Html.Div(c1, "text").id("b");
        Component d = Html.P().id("d");
        Component root = Html.Div(b, d).id("root");

        List<Object> ids = root.descendantsAndSelf().stream().map(Component::id).toList();

        assertEquals(List.of("root", "b", "c1", "d"), ids);
    }

    @Test
    void htmlFactoriesUseTheDashTypeNameAndHtmlNamespace() {
        assertEquals("Div", Html.Div().type());
        assertEquals("H1", Html.H1().type());
        assertEquals("Button", Html.Button().type());
        assertEquals("Br", Html.Br().type());
        assertEquals("Progress", Html.Progress().type());
        assertEquals("dash_html_components", Html.Div().namespace());
        assertEquals("dash_html_components", Html.Td().namespace());
        assertEquals("Li", Component.of("Li", Html.NAMESPACE, "x").type());
        assertEquals(List.of("x"), Component.of("Li", Html.NAMESPACE, "x").children());
    }

    @Test
    void htmlImgSetsItsSrcProp() {
        Component img = Html.Img().src("/logo.png");

        assertEquals("Img", img.type());
        assertEquals("/logo.png", img.get("src"));
        assertTrue(img.children().isEmpty());
    }

    @Test
    void dccFactoriesUseTheCoreComponentsNamespace() {
        assertEquals("dash_core_components", Dcc.Input().namespace());
        assertEquals("Input", Dcc.Input().type());
        assertEquals("Store", Dcc.Store().type());
        assertEquals("dash_core_components", Dcc.Store().namespace());
    }

    @Test
    void dccIntervalStartsAtZeroIntervalsWithTheGivenPeriod() {
        Component interval = Dcc.Interval().interval(500).nIntervals(0);

        assertEquals("Interval", interval.type());
        assertEquals(500, interval.get("interval"));
        assertEquals(0, interval.get("n_intervals"));
    }

    @Test
    void componentsWithTheSameContentAreEqual() {
        assertEquals(Html.Div("a").id("x").prop("title", "t"), Html.Div("a").id("x").prop("title", "t"));
        assertFalse(Html.Div("a").equals(Html.Div("b")));
    }

    @Test
    void namesEveryJavaScriptObjectHasAreRefusedWithAMessageThatSaysWhy() {
        for (String inherited : List.of("__proto__", "constructor", "toString", "hasOwnProperty")) {
            var asNamespace = assertThrows(IllegalArgumentException.class, () -> Component.of("Div", inherited));
            assertTrue(asNamespace.getMessage().contains("Object.prototype"), asNamespace.getMessage());
            assertThrows(IllegalArgumentException.class, () -> Component.of(inherited, "dash_html_components"));
            assertThrows(IllegalArgumentException.class, () -> Html.Div().prop(inherited, 1));
            assertThrows(IllegalArgumentException.class, () -> Html.Div().id(inherited));
            assertThrows(IllegalArgumentException.class, () -> Html.Div().id(Map.of(inherited, 1)));
        }
        assertEquals("proto", Html.Div().prop("proto", 1).props().keySet().iterator().next(), "near names are fine");
    }
}
