package io.jdash.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CallbackRegistryTest {

    @Test
    void handleRegistersTheCallbackWithItsDependencies() {
        var registry = new CallbackRegistry();
        CallbackFunction function = args -> "x";

        Callback cb = registry.callback(new Output("out", "children"), new Input("in", "value"), new State("st", "value"))
                .handle(function);

        assertEquals("out.children", cb.id());
        assertEquals(List.of(new Output("out", "children")), cb.outputs());
        assertEquals(List.of(new Input("in", "value")), cb.inputs());
        assertEquals(List.of(new State("st", "value")), cb.states());
        assertFalse(cb.preventInitialCall());
        assertSame(function, cb.function());
        assertEquals(List.of(cb), registry.callbacks());
    }

    @Test
    void dependenciesMayBeGivenInAnyOrder() {
        var registry = new CallbackRegistry();

        Callback cb = registry.callback(new State("s", "value"), new Input("i1", "value"), new Output("o1", "children"),
                new Input("i2", "n_clicks"), new Output("o2", "title")).handle(args -> List.of(1, 2));

        assertEquals("..o1.children...o2.title..", cb.id());
        assertEquals(List.of(new Input("i1", "value"), new Input("i2", "n_clicks")), cb.inputs());
        assertEquals(List.of(new State("s", "value")), cb.states());
    }

    @Test
    void preventInitialCallIsRecorded() {
        var registry = new CallbackRegistry();

        Callback cb = registry.callback(new Output("o", "children"), new Input("i", "value"))
                .preventInitialCall().handle(args -> null);

        assertTrue(cb.preventInitialCall());
    }

    @Test
    void aCallbackWithoutOutputsIsNamedAfterItsInputsAndWritesThroughSetProps() {
        var registry = new CallbackRegistry();

        Callback cb = registry.callback(new Input("i", "value")).handle(args -> {
            SetProps.setProps("target", java.util.Map.of("children", "set by " + args.get(0)));
            return null;
        });

        assertEquals("_no_output(i.value)", cb.id());
        var request = new UpdateRequest(cb.id(), null, List.of(new PropValue("i", "value", "x")), List.of(), List.of());
        var result = (CallbackResult.Updated) CallbackInvoker.invoke(cb, request);
        assertEquals(java.util.Map.of("target", java.util.Map.of("children", "set by x")), result.props());
    }

    @Test
    void setPropsTravelsWithTheOutputsAndTheOutputWinsOnTheSameProp() {
        var registry = new CallbackRegistry();
        Callback cb = registry.callback(new Output("o", "children"), new Input("i", "value")).handle(args -> {
            SetProps.setProps("o", java.util.Map.of("children", "from setProps", "title", "t"));
            SetProps.setProps("other", java.util.Map.of("value", 1));
            return "from output";
        });

        var request = new UpdateRequest(cb.id(), null, List.of(new PropValue("i", "value", "x")), List.of(), List.of());
        var result = (CallbackResult.Updated) CallbackInvoker.invoke(cb, request);

        assertEquals("from output", result.props().get("o").get("children"));
        assertEquals("t", result.props().get("o").get("title"));
        assertEquals(1, result.props().get("other").get("value"));
    }

    @Test
    void setPropsOutsideACallbackIsRefused() {
        assertThrows(IllegalStateException.class, () -> SetProps.setProps("x", java.util.Map.of()));
    }

    @Test
    void aCallbackWithoutInputsIsRefused() {
        var registry = new CallbackRegistry();

        assertThrows(IllegalArgumentException.class,
                () -> registry.callback(new Output("o", "children"), new State("s", "value")).handle(args -> null));
        assertTrue(registry.callbacks().isEmpty());
    }

    @Test
    void duplicateOutputIsRefusedWithAClearMessage() {
        var registry = new CallbackRegistry();
        registry.callback(new Output("out", "children"), new Input("a", "value")).handle(args -> "a");

        var e = assertThrows(IllegalStateException.class,
                () -> registry.callback(new Output("out", "children"), new Input("b", "value")).handle(args -> "b"));

        assertEquals("output out.children is already written by callback out.children; "
                + "a prop can be the output of one callback only, unless the others use Output(...).allowDuplicate()",
                e.getMessage());
        assertEquals(1, registry.callbacks().size());
        assertEquals("a", invokeFirst(registry));
    }

    @Test
    void anOutputSharedWithAMultiOutputCallbackIsRefused() {
        var registry = new CallbackRegistry();
        registry.callback(new Output("x", "children"), new Output("y", "children"), new Input("a", "value"))
                .handle(args -> List.of(1, 2));

        var e = assertThrows(IllegalStateException.class,
                () -> registry.callback(new Output("z", "title"), new Output("y", "children"), new Input("b", "value"))
                        .handle(args -> List.of(1, 2)));

        assertTrue(e.getMessage().contains("y.children"), e.getMessage());
        assertTrue(e.getMessage().contains("..x.children...y.children.."), e.getMessage());
        assertEquals(1, registry.callbacks().size());
        assertTrue(registry.find("..z.title...y.children..").isEmpty());
    }

    @Test
    void theSamePropertyOfAnotherComponentIsNotADuplicate() {
        var registry = new CallbackRegistry();
        registry.callback(new Output("one", "children"), new Input("a", "value")).handle(args -> 1);
        registry.callback(new Output("two", "children"), new Input("a", "value")).handle(args -> 2);
        registry.callback(new Output("one", "title"), new Input("a", "value")).handle(args -> 3);

        assertEquals(3, registry.callbacks().size());
    }

    @Test
    void callbacksAreListedInDeclarationOrder() {
        var registry = new CallbackRegistry();
        for (String id : List.of("zeta", "alpha", "mid", "beta")) {
            registry.callback(new Output(id, "children"), new Input("in", "value")).handle(args -> id);
        }

        List<String> ids = registry.callbacks().stream().map(Callback::id).toList();

        assertEquals(List.of("zeta.children", "alpha.children", "mid.children", "beta.children"), ids);
    }

    @Test
    void callbacksListCannotBeChanged() {
        var registry = new CallbackRegistry();
        registry.callback(new Output("o", "children"), new Input("i", "value")).handle(args -> null);

        assertThrows(UnsupportedOperationException.class, () -> registry.callbacks().clear());
        assertEquals(1, registry.callbacks().size());
    }

    @Test
    void findReturnsTheCallbackByItsId() {
        var registry = new CallbackRegistry();
        Callback single = registry.callback(new Output("o", "children"), new Input("i", "value")).handle(args -> 1);
        Callback multi = registry.callback(new Output("p", "a"), new Output("q", "b"), new Input("i", "value"))
                .handle(args -> List.of(1, 2));

        assertSame(single, registry.find("o.children").orElseThrow());
        assertSame(multi, registry.find("..p.a...q.b..").orElseThrow());
        assertTrue(registry.find("p.a").isEmpty());
        assertTrue(registry.find("nothing.here").isEmpty());
    }

    private static Object invokeFirst(CallbackRegistry registry) {
        Callback cb = registry.callbacks().get(0);
        var request = new UpdateRequest(cb.id(), null, List.of(new PropValue("a", "value", "v")), List.of(), List.of());
        var result = (CallbackResult.Updated) CallbackInvoker.invoke(cb, request);
        return result.props().get("out").get("children");
    }
}
