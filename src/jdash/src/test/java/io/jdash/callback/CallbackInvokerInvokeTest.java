package io.jdash.callback;

import static io.jdash.callback.CallbackContext.callbackContext;
import static io.jdash.callback.NoUpdate.noUpdate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdash.layout.Html;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CallbackInvokerInvokeTest {

    private static Callback single(CallbackFunction function) {
        return new Callback("out.children", List.of(new Output("out", "children")),
                List.of(new Input("in", "value")), List.of(new State("st", "value")), false, function);
    }

    private static Callback multi(CallbackFunction function) {
        var outputs = List.of(new Output("a", "children"), new Output("b", "children"), new Output("a", "title"));
        return new Callback(Callback.idFor(outputs), outputs, List.of(new Input("in", "value")), List.of(), false,
                function);
    }

    private static UpdateRequest singleRequest(Object in, Object st, String... changed) {
        return new UpdateRequest("out.children", null, List.of(new PropValue("in", "value", in)),
                List.of(new PropValue("st", "value", st)), List.of(changed));
    }

    private static UpdateRequest multiRequest(Object in) {
        return new UpdateRequest("..a.children...b.children...a.title..", null,
                List.of(new PropValue("in", "value", in)), List.of(), List.of("in.value"));
    }

    private static Map<String, Map<String, Object>> updated(CallbackResult result) {
        return assertInstanceOf(CallbackResult.Updated.class, result).props();
    }

    @Test
    void aSingleOutputGetsTheReturnedValue() {
        CallbackResult result = CallbackInvoker.invoke(single(args -> "Output: " + args.get(0) + "/" + args.get(1)),
                singleRequest("x", "y", "in.value"));

        assertEquals(Map.of("out", Map.of("children", "Output: x/y")), updated(result));
    }

    @Test
    void aSingleOutputMayGetAListOrAComponent() {
        assertEquals(Map.of("out", Map.of("children", List.of(1, 2))),
                updated(CallbackInvoker.invoke(single(args -> List.of(1, 2)), singleRequest("x", null))));
        assertEquals(Map.of("out", Map.of("children", Html.B("bold"))),
                updated(CallbackInvoker.invoke(single(args -> Html.B("bold")), singleRequest("x", null))));
    }

    @Test
    void aSingleOutputMayBeSetToNull() {
        Map<String, Map<String, Object>> props = updated(CallbackInvoker.invoke(single(args -> null), singleRequest("x", null)));

        assertTrue(props.get("out").containsKey("children"));
        assertNull(props.get("out").get("children"));
    }

    @Test
    void multipleOutputsTakeTheReturnedListInOrderGroupedById() {
        Map<String, Map<String, Object>> props = updated(CallbackInvoker.invoke(
                multi(args -> List.of("A", "B", "T")), multiRequest("x")));

        var expected = new LinkedHashMap<String, Map<String, Object>>();
        expected.put("a", Map.of("children", "A", "title", "T"));
        expected.put("b", Map.of("children", "B"));
        assertEquals(expected, props);
        assertEquals(List.of("a", "b"), new ArrayList<>(props.keySet()));
    }

    @Test
    void multipleOutputsWithTheWrongNumberOfValuesIsACallbackFailure() {
        var e = assertThrows(CallbackFailure.class,
                () -> CallbackInvoker.invoke(multi(args -> List.of("A", "B")), multiRequest("x")));

        assertTrue(e.getMessage().contains("has 3 outputs"), e.getMessage());
        assertTrue(e.getMessage().contains("a List of 2"), e.getMessage());
    }

    @Test
    void multipleOutputsWithANonListIsACallbackFailure() {
        var e = assertThrows(CallbackFailure.class,
                () -> CallbackInvoker.invoke(multi(args -> "just one"), multiRequest("x")));

        assertTrue(e.getMessage().contains("just one"), e.getMessage());
    }

    @Test
    void noUpdateLeavesItsOutputOutOfTheResult() {
        Map<String, Map<String, Object>> props = updated(CallbackInvoker.invoke(
                multi(args -> List.of(noUpdate(), "B", "T")), multiRequest("x")));

        assertEquals(Map.of("a", Map.of("title", "T"), "b", Map.of("children", "B")), props);
    }

    @Test
    void everyOutputAtNoUpdateIsPrevented() {
        assertInstanceOf(CallbackResult.Prevented.class,
                CallbackInvoker.invoke(multi(args -> List.of(noUpdate(), noUpdate(), noUpdate())), multiRequest("x")));
        assertInstanceOf(CallbackResult.Prevented.class,
                CallbackInvoker.invoke(single(args -> noUpdate()), singleRequest("x", null)));
    }

    @Test
    void preventUpdateIsPrevented() {
        CallbackResult result = CallbackInvoker.invoke(single(args -> {
            throw new PreventUpdate();
        }), singleRequest("x", null));

        assertInstanceOf(CallbackResult.Prevented.class, result);
    }

    @Test
    void anExceptionIsACallbackFailureWithItsMessage() {
        var boom = new IllegalArgumentException("bad input value");

        var e = assertThrows(CallbackFailure.class, () -> CallbackInvoker.invoke(single(args -> {
            throw boom;
        }), singleRequest("x", null)));

        assertTrue(e.getMessage().contains("bad input value"), e.getMessage());
        assertTrue(e.getMessage().contains("out.children"), e.getMessage());
        assertSame(boom, e.getCause());
    }

    @Test
    void noExceptionClassNameReachesThePageEvenWithoutAMessage() {
        var bare = assertThrows(CallbackFailure.class, () -> CallbackInvoker.invoke(single(args -> {
            throw new java.io.IOException();
        }), singleRequest("x", null)));
        var told = assertThrows(CallbackFailure.class, () -> CallbackInvoker.invoke(single(args -> {
            throw new IllegalStateException("the app says why");
        }), singleRequest("x", null)));

        assertEquals("out.children failed: it threw an exception without a message", bare.getMessage());
        assertEquals("out.children failed: the app says why", told.getMessage());
        assertInstanceOf(java.io.IOException.class, bare.getCause(), "the log still has the exception");
    }

    @Test
    void aBadRequestIsRefusedBeforeTheFunctionRuns() {
        var ran = new AtomicReference<Boolean>(false);

        assertThrows(BadCallbackRequest.class, () -> CallbackInvoker.invoke(single(args -> {
            ran.set(true);
            return "x";
        }), new UpdateRequest("out.children", null, List.of(new PropValue("other", "value", 1)),
                List.of(new PropValue("st", "value", null)), List.of())));

        assertEquals(false, ran.get());
    }

    @Test
    void callbackContextIsAvailableInsideTheFunction() {
        var seen = new AtomicReference<CallbackContext>();
        var triggered = new AtomicReference<Object>();

        CallbackInvoker.invoke(single(args -> {
            seen.set(callbackContext());
            triggered.set(callbackContext().triggeredId());
            assertSame(args.context(), callbackContext());
            return "ok";
        }), singleRequest("typed", "kept", "in.value"));

        assertEquals("in", triggered.get());
        assertEquals(List.of("in.value"), seen.get().triggeredPropIds());
        assertEquals(Map.of("in.value", "typed"), seen.get().inputs());
        assertEquals(Map.of("st.value", "kept"), seen.get().states());
    }

    @Test
    void callbackContextOnTheInitialCallHasNoTrigger() {
        var triggered = new AtomicReference<Object>("unset");

        CallbackInvoker.invoke(single(args -> {
            triggered.set(callbackContext().triggeredId());
            return "ok";
        }), singleRequest("x", null));

        assertNull(triggered.get());
    }

    @Test
    void callbackContextOutsideACallbackIsRefused() {
        var e = assertThrows(IllegalStateException.class, CallbackContext::callbackContext);

        assertTrue(e.getMessage().contains("only available inside a callback"), e.getMessage());
    }

    @Test
    void callbackContextIsGoneAfterTheCallbackReturnsOrFails() {
        CallbackInvoker.invoke(single(args -> callbackContext().triggeredId()), singleRequest("x", null, "in.value"));
        assertThrows(IllegalStateException.class, CallbackContext::callbackContext);

        assertThrows(CallbackFailure.class, () -> CallbackInvoker.invoke(single(args -> {
            throw new RuntimeException("x");
        }), singleRequest("x", null)));
        assertThrows(IllegalStateException.class, CallbackContext::callbackContext);

        CallbackInvoker.invoke(single(args -> {
            throw new PreventUpdate();
        }), singleRequest("x", null));
        assertThrows(IllegalStateException.class, CallbackContext::callbackContext);
    }

    @Test
    void mapResultPutsValuesOnOutputsWithoutRunningAnything() {
        Callback cb = multi(args -> {
            throw new AssertionError("not called");
        });

        assertEquals(Map.of("a", Map.of("children", 1, "title", 3), "b", Map.of("children", 2)),
                updated(CallbackInvoker.mapResult(cb, Arrays.asList(1, 2, 3))));
        assertInstanceOf(CallbackResult.Prevented.class,
                CallbackInvoker.mapResult(cb, List.of(noUpdate(), noUpdate(), noUpdate())));
        assertThrows(CallbackFailure.class, () -> CallbackInvoker.mapResult(cb, List.of(1, 2, 3, 4)));
        assertThrows(CallbackFailure.class, () -> CallbackInvoker.mapResult(cb, null));
    }
}
