package io.jdash.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallbackInvokerBindTest {

    /** out.children from inputs a.value, b.n_clicks and state s.value. */
    private static final Callback CALLBACK = new Callback("out.children",
            List.of(new Output("out", "children")),
            List.of(new Input("a", "value"), new Input("b", "n_clicks")),
            List.of(new State("s", "value")),
            false, args -> null);

    private static UpdateRequest request(List<PropValue> inputs, List<PropValue> state, List<String> changed) {
        return new UpdateRequest("out.children", null, inputs == null ? null : new java.util.ArrayList<>(inputs),
                state == null ? null : new java.util.ArrayList<>(state), changed);
    }

    private static List<PropValue> inputs(Object a, Object b) {
        return List.of(new PropValue("a", "value", a), new PropValue("b", "n_clicks", b));
    }

    @Test
    void argumentsAreTheInputsThenTheStatesInDeclarationOrder() {
        CallbackArgs args = CallbackInvoker.bind(CALLBACK,
                request(inputs("text", new BigDecimal(2)), List.of(new PropValue("s", "value", "kept")), List.of()));

        assertEquals(Arrays.asList("text", 2, "kept"), args.values());
        assertEquals(3, args.size());
        assertEquals("text", args.string(0));
        assertEquals(2, args.integer(1));
    }

    @Test
    void contextHasInputsAndStatesByPropIdAndWhatTriggered() {
        CallbackArgs args = CallbackInvoker.bind(CALLBACK, request(inputs("text", null),
                List.of(new PropValue("s", "value", "kept")), List.of("b.n_clicks")));

        CallbackContext ctx = args.context();
        var expectedInputs = new LinkedHashMap<String, Object>();
        expectedInputs.put("a.value", "text");
        expectedInputs.put("b.n_clicks", null);
        assertEquals(expectedInputs, ctx.inputs());
        assertEquals(Map.of("s.value", "kept"), ctx.states());
        assertEquals(List.of("b.n_clicks"), ctx.triggeredPropIds());
        assertEquals("b", ctx.triggeredId());
    }

    @Test
    void theInitialCallHasNoTriggeredId() {
        CallbackArgs args = CallbackInvoker.bind(CALLBACK,
                request(inputs("x", 0), List.of(new PropValue("s", "value", null)), List.of()));

        assertNull(args.context().triggeredId());
        assertTrue(args.context().triggeredPropIds().isEmpty());
    }

    @Test
    void anUnsetPropIsBoundAsNull() {
        CallbackArgs args = CallbackInvoker.bind(CALLBACK,
                request(inputs(null, null), List.of(new PropValue("s", "value", null)), List.of()));

        assertNull(args.get(0));
        assertNull(args.integer(1));
        assertEquals(0, args.intOrZero(1));
        assertNull(args.string(2));
    }

    @Test
    void inputsInAnotherOrderAreABadRequest() {
        var swapped = List.of(new PropValue("b", "n_clicks", 1), new PropValue("a", "value", "x"));

        var e = assertThrows(BadCallbackRequest.class, () -> CallbackInvoker.bind(CALLBACK,
                request(swapped, List.of(new PropValue("s", "value", null)), List.of())));

        assertEquals("inputs[0] must be a.value but is b.n_clicks", e.getMessage());
    }

    @Test
    void anInputWithTheWrongPropertyIsABadRequest() {
        var wrong = List.of(new PropValue("a", "title", "x"), new PropValue("b", "n_clicks", 1));

        var e = assertThrows(BadCallbackRequest.class, () -> CallbackInvoker.bind(CALLBACK,
                request(wrong, List.of(new PropValue("s", "value", null)), List.of())));

        assertTrue(e.getMessage().contains("a.title"), e.getMessage());
    }

    @Test
    void aStateWithTheWrongIdIsABadRequest() {
        var e = assertThrows(BadCallbackRequest.class, () -> CallbackInvoker.bind(CALLBACK,
                request(inputs("x", 1), List.of(new PropValue("other", "value", null)), List.of())));

        assertEquals("state[0] must be s.value but is other.value", e.getMessage());
    }

    @Test
    void aDictIdIsABadRequest() {
        var dictId = List.of(new PropValue(Map.of("type", "a"), "value", "x"), new PropValue("b", "n_clicks", 1));

        assertThrows(BadCallbackRequest.class, () -> CallbackInvoker.bind(CALLBACK,
                request(dictId, List.of(new PropValue("s", "value", null)), List.of())));
    }

    @Test
    void aNullEntryIsABadRequest() {
        var withNull = Arrays.asList(new PropValue("a", "value", "x"), null);

        var e = assertThrows(BadCallbackRequest.class, () -> CallbackInvoker.bind(CALLBACK,
                request(withNull, List.of(new PropValue("s", "value", null)), List.of())));

        assertTrue(e.getMessage().contains("inputs[1]"), e.getMessage());
    }

    @Test
    void tooFewInputsAreABadRequest() {
        var e = assertThrows(BadCallbackRequest.class, () -> CallbackInvoker.bind(CALLBACK,
                request(List.of(new PropValue("a", "value", "x")), List.of(new PropValue("s", "value", null)), List.of())));

        assertTrue(e.getMessage().startsWith("inputs must hold"), e.getMessage());
        assertTrue(e.getMessage().contains("holds 1"), e.getMessage());
    }

    @Test
    void tooManyStatesAreABadRequest() {
        var twoStates = List.of(new PropValue("s", "value", null), new PropValue("t", "value", null));

        var e = assertThrows(BadCallbackRequest.class,
                () -> CallbackInvoker.bind(CALLBACK, request(inputs("x", 1), twoStates, List.of())));

        assertTrue(e.getMessage().startsWith("state must hold"), e.getMessage());
    }

    @Test
    void missingStatesAreABadRequest() {
        assertThrows(BadCallbackRequest.class,
                () -> CallbackInvoker.bind(CALLBACK, request(inputs("x", 1), null, List.of())));
    }

    @Test
    void changedPropIdsNamingAStateIsABadRequest() {
        var e = assertThrows(BadCallbackRequest.class, () -> CallbackInvoker.bind(CALLBACK,
                request(inputs("x", 1), List.of(new PropValue("s", "value", null)), List.of("s.value"))));

        assertTrue(e.getMessage().contains("s.value"), e.getMessage());
        assertTrue(e.getMessage().contains("out.children"), e.getMessage());
    }

    @Test
    void changedPropIdsNamingAnUnknownPropIsABadRequest() {
        assertThrows(BadCallbackRequest.class, () -> CallbackInvoker.bind(CALLBACK,
                request(inputs("x", 1), List.of(new PropValue("s", "value", null)), List.of("a.value", "zzz.value"))));
    }

    @Test
    void wholeJsonNumbersBecomeIntegerOrLong() {
        assertEquals(Integer.valueOf(42), CallbackInvoker.normalize(new BigDecimal("42")));
        assertEquals(Integer.valueOf(-7), CallbackInvoker.normalize(new BigDecimal("-7")));
        assertEquals(Integer.valueOf(3), CallbackInvoker.normalize(new BigDecimal("3.0")));
        assertEquals(Integer.valueOf(0), CallbackInvoker.normalize(new BigDecimal("0.000")));
        assertEquals(Integer.valueOf(100), CallbackInvoker.normalize(new BigDecimal("1E+2")));
        assertEquals(Integer.valueOf(Integer.MAX_VALUE), CallbackInvoker.normalize(new BigDecimal(Integer.MAX_VALUE)));
        assertEquals(Long.valueOf(2147483648L), CallbackInvoker.normalize(new BigDecimal("2147483648")));
        assertEquals(Long.valueOf(-9007199254740993L), CallbackInvoker.normalize(new BigDecimal("-9007199254740993")));
    }

    @Test
    void fractionalAndHugeJsonNumbersBecomeDouble() {
        assertEquals(Double.valueOf(2.5), CallbackInvoker.normalize(new BigDecimal("2.5")));
        assertEquals(Double.valueOf(-0.125), CallbackInvoker.normalize(new BigDecimal("-0.125")));
        assertEquals(Double.valueOf(1e30), CallbackInvoker.normalize(new BigDecimal("1E+30")));
    }

    @Test
    void numbersNestedInListsAndMapsAreNormalized() {
        var inner = new LinkedHashMap<String, Object>();
        inner.put("n", new BigDecimal("5"));
        inner.put("xs", new ArrayList<>(List.of(new BigDecimal("1.5"), "s", new BigDecimal("8589934592"))));
        var value = new ArrayList<Object>(List.of(new BigDecimal("1"), inner));

        Object normalized = CallbackInvoker.normalize(value);

        assertEquals(List.of(1, Map.of("n", 5, "xs", List.of(1.5, "s", 8589934592L))), normalized);
        var map = (Map<?, ?>) ((List<?>) normalized).get(1);
        assertEquals(Integer.class, map.get("n").getClass());
        assertEquals(Double.class, ((List<?>) map.get("xs")).get(0).getClass());
        assertEquals(Long.class, ((List<?>) map.get("xs")).get(2).getClass());
    }

    @Test
    void boundArgumentsHaveNormalizedNumbers() {
        CallbackArgs args = CallbackInvoker.bind(CALLBACK, request(
                inputs(List.of(new BigDecimal("1"), new BigDecimal("2.5")), new BigDecimal("3")),
                List.of(new PropValue("s", "value", Map.of("k", new BigDecimal("4")))), List.of()));

        assertEquals(List.of(1, 2.5), args.get(0));
        assertEquals(Integer.valueOf(3), args.get(1));
        assertEquals(Map.of("k", 4), args.get(2));
        assertEquals(Map.of("k", 4), args.context().states().get("s.value"));
    }

    @Test
    void otherValuesAreLeftAsTheyAre() {
        assertEquals("text", CallbackInvoker.normalize("text"));
        assertEquals(Boolean.TRUE, CallbackInvoker.normalize(Boolean.TRUE));
        assertNull(CallbackInvoker.normalize(null));
    }

    @Test
    void integerOfANonNumberIsRefused() {
        CallbackArgs args = new CallbackArgs(List.of("abc"), null);

        assertThrows(IllegalArgumentException.class, () -> args.integer(0));
    }
}
