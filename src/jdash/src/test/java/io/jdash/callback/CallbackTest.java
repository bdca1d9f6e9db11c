package io.jdash.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CallbackTest {

    @Test
    void idOfASingleOutputCallbackIsIdDotProperty() {
        assertEquals("a.b", Callback.idFor(List.of(new Output("a", "b"))));
    }

    @Test
    void idOfAMultiOutputCallbackJoinsPropIdsWithDots() {
        assertEquals("..a.b...c.d..", Callback.idFor(List.of(new Output("a", "b"), new Output("c", "d"))));
        assertEquals("..a.b...c.d...e.f..",
                Callback.idFor(List.of(new Output("a", "b"), new Output("c", "d"), new Output("e", "f"))));
    }

    @Test
    void propIdIsIdDotProperty() {
        assertEquals("my-input.value", new Input("my-input", "value").propId());
        assertEquals("my-input.value", new State("my-input", "value").propId());
        assertEquals("out.children", new Output("out", "children").toString());
    }

    @Test
    void aDependencyNeedsAnIdAndAProperty() {
        assertThrows(IllegalArgumentException.class, () -> new Input(null, "value"));
        assertThrows(IllegalArgumentException.class, () -> new Input(" ", "value"));
        assertThrows(IllegalArgumentException.class, () -> new Output("a", ""));
        var e = assertThrows(IllegalArgumentException.class, () -> new State("a", null));
        assertTrue(e.getMessage().contains("a.null"), e.getMessage());
    }

    @Test
    void aCallbackWithoutInputsIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Callback("a.b",
                List.of(new Output("a", "b")), List.of(), List.of(), false, args -> null));
        assertTrue(e.getMessage().contains("a.b"), e.getMessage());
        assertTrue(e.getMessage().contains("no Input"), e.getMessage());
    }

    @Test
    void hasMultipleOutputsOnlyWithMoreThanOneOutput() {
        var in = List.of(new Input("x", "value"));
        assertFalse(new Callback("a.b", List.of(new Output("a", "b")), in, List.of(), false, args -> null)
                .hasMultipleOutputs());
        assertTrue(new Callback("..a.b...c.d..", List.of(new Output("a", "b"), new Output("c", "d")), in,
                List.of(), false, args -> null).hasMultipleOutputs());
    }

    @Test
    void aDependencyNamedAsEveryJavaScriptObjectsMemberIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Output("__proto__", "children"));
        assertThrows(IllegalArgumentException.class, () -> new Input("box", "constructor"));
        assertThrows(IllegalArgumentException.class, () -> new State(java.util.Map.of("toString", 1), "value"));
        assertEquals("box.value", new Input("box", "value").propId());
    }
}
