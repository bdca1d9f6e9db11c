package io.jdash.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Arguments come in the order the callback declared its inputs and states, as in Dash. */
class CallbackArgumentOrderTest {

    private static Callback declared(CallbackRegistry app) {
        return app.callback(new Output("out", "children"), new Input("a", "value"), new State("b", "value"),
                        new Input("c", "value"))
                .handle(args -> args.values().toString());
    }

    @Test
    void aStateDeclaredBetweenTwoInputsIsTheMiddleArgument() {
        Callback callback = declared(new CallbackRegistry());
        var request = new UpdateRequest("out.children", null,
                List.of(new PropValue("a", "value", "A"), new PropValue("c", "value", "C")),
                List.of(new PropValue("b", "value", "B")), List.of("c.value"));

        CallbackArgs args = CallbackInvoker.bind(callback, request);

        assertEquals(List.of("A", "B", "C"), args.values());
        assertEquals(List.of(new Input("a", "value"), new State("b", "value"), new Input("c", "value")),
                callback.parameters());
        var result = (CallbackResult.Updated) CallbackInvoker.invoke(callback, request);
        assertEquals("[A, B, C]", result.props().get("out").get("children"));
    }

    @Test
    void aJobsStoredValuesBindInTheSameOrder() {
        Callback callback = declared(new CallbackRegistry());

        CallbackArgs args = CallbackInvoker.bindValues(callback, List.of("A", "B", "C"), List.of("a.value"));

        assertEquals("B", args.context().states().get("b.value"));
        assertEquals("C", args.context().inputs().get("c.value"));
        assertEquals(List.of("A", "B", "C"), args.values());
    }
}
