package io.jdash.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallbackGraphTest {

    private static Callback cb(String outId, String... inIds) {
        var inputs = java.util.Arrays.stream(inIds).map(id -> new Input(id, "children")).toList();
        var outputs = List.of(new Output(outId, "children"));
        return new Callback(Callback.idFor(outputs), outputs, inputs, List.of(), false, args -> null);
    }

    @Test
    void aCallbackFedOnlyByTheLayoutHasNoUpstream() {
        var graph = new CallbackGraph(List.of(cb("a", "in")));

        assertEquals(Set.of(), graph.upstreamOf("a.children"));
    }

    @Test
    void aCallbackWhoseInputIsAnotherOutputHasItUpstream() {
        var graph = new CallbackGraph(List.of(cb("a", "in"), cb("b", "a")));

        assertEquals(Set.of("a.children"), graph.upstreamOf("b.children"));
        assertEquals(Set.of(), graph.upstreamOf("a.children"));
    }

    @Test
    void upstreamIsTransitive() {
        var graph = new CallbackGraph(List.of(cb("c", "b"), cb("b", "a"), cb("a", "in"), cb("d", "c", "in")));

        assertEquals(Set.of("b.children", "a.children"), graph.upstreamOf("c.children"));
        assertEquals(Set.of("c.children", "b.children", "a.children"), graph.upstreamOf("d.children"));
    }

    @Test
    void diamondDependenciesAreCountedOnce() {
        var graph = new CallbackGraph(List.of(cb("a", "in"), cb("b", "a"), cb("c", "a"), cb("d", "b", "c")));

        assertEquals(Set.of("a.children", "b.children", "c.children"), graph.upstreamOf("d.children"));
    }

    @Test
    void aMultiOutputCallbackIsUpstreamOfWhatReadsAnyOfItsOutputs() {
        var outputs = List.of(new Output("x", "children"), new Output("y", "children"));
        var multi = new Callback(Callback.idFor(outputs), outputs, List.of(new Input("in", "value")), List.of(), false,
                args -> null);

        var graph = new CallbackGraph(List.of(multi, cb("z", "y")));

        assertEquals(Set.of("..x.children...y.children.."), graph.upstreamOf("z.children"));
    }

    @Test
    void aStateDoesNotMakeACallbackUpstream() {
        var reader = new Callback("b.children", List.of(new Output("b", "children")), List.of(new Input("in", "value")),
                List.of(new State("a", "children")), false, args -> null);

        var graph = new CallbackGraph(List.of(cb("a", "in"), reader));

        assertEquals(Set.of(), graph.upstreamOf("b.children"));
    }

    @Test
    void anotherPropertyOfTheSameComponentIsNotAnEdge() {
        var reader = new Callback("b.children", List.of(new Output("b", "children")), List.of(new Input("a", "title")),
                List.of(), false, args -> null);

        var graph = new CallbackGraph(List.of(cb("a", "in"), reader));

        assertEquals(Set.of(), graph.upstreamOf("b.children"));
    }

    @Test
    void anUnknownCallbackHasNoUpstream() {
        var graph = new CallbackGraph(List.of(cb("a", "in")));

        assertEquals(Set.of(), graph.upstreamOf("nope.children"));
    }

    @Test
    void aCycleIsRefusedWithTheCallbacksInTheMessage() {
        var e = assertThrows(IllegalStateException.class,
                () -> new CallbackGraph(List.of(cb("a", "c"), cb("b", "a"), cb("c", "b"))));

        assertTrue(e.getMessage().startsWith("circular callbacks"), e.getMessage());
        assertTrue(e.getMessage().contains("a.children"), e.getMessage());
        assertTrue(e.getMessage().contains("b.children"), e.getMessage());
        assertTrue(e.getMessage().contains("c.children"), e.getMessage());
    }

    @Test
    void aTwoCallbackCycleIsReportedAsAPath() {
        var e = assertThrows(IllegalStateException.class,
                () -> new CallbackGraph(List.of(cb("a", "b"), cb("b", "a"))));

        assertEquals("circular callbacks: [a.children, b.children, a.children]", e.getMessage());
    }

    @Test
    void aCycleBehindAnAcyclicCallbackIsStillFound() {
        var e = assertThrows(IllegalStateException.class,
                () -> new CallbackGraph(List.of(cb("d", "a"), cb("a", "b"), cb("b", "a"))));

        assertTrue(e.getMessage().contains("a.children") && e.getMessage().contains("b.children"), e.getMessage());
        assertTrue(!e.getMessage().contains("d.children"), e.getMessage());
    }
}
