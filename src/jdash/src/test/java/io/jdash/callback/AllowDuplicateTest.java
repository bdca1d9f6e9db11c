package io.jdash.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Dash's {@code allow_duplicate=True} and {@code prevent_initial_call="initial_duplicate"}. */
class AllowDuplicateTest {

    @Test
    void twoCallbacksMayWriteOnePropWhenTheSecondAllowsDuplicates() {
        var app = new CallbackRegistry();
        Callback first = app.callback(new Output("out", "children"), new Input("a", "n_clicks")).handle(args -> "a");
        Callback second = app.callback(new Output("out", "children").allowDuplicate(), new Input("b", "n_clicks"))
                .preventInitialCall().handle(args -> "b");

        assertEquals("out.children", first.id());
        assertTrue(second.id().matches("out\\.children@[0-9a-f]{64}"), second.id());
        assertEquals(2, app.callbacks().size());
        var result = (CallbackResult.Updated) CallbackInvoker.invoke(second, new UpdateRequest(second.id(), null,
                List.of(new PropValue("b", "n_clicks", 1)), List.of(), List.of("b.n_clicks")));
        assertEquals("b", result.props().get("out").get("children"), "the answer names the prop without the @ part");
    }

    @Test
    void duplicatesWithOtherInputsGetOtherNames() {
        var app = new CallbackRegistry();
        Callback one = app.callback(new Output("out", "children").allowDuplicate(), new Input("a", "n_clicks"))
                .preventInitialCall().handle(args -> 1);
        Callback two = app.callback(new Output("out", "children").allowDuplicate(), new Input("b", "n_clicks"))
                .preventInitialCall().handle(args -> 2);

        assertNotEquals(one.id(), two.id());
    }

    @Test
    void aDuplicateNeedsPreventInitialCallOrInitialDuplicate() {
        var app = new CallbackRegistry();
        var e = assertThrows(InvalidCallbacks.class, () -> app.callback(new Output("out", "children").allowDuplicate(),
                new Input("a", "n_clicks")).handle(args -> 1));
        Callback initial = app.callback(new Output("out", "children").allowDuplicate(), new Input("b", "n_clicks"))
                .initialDuplicate().handle(args -> 2);

        assertTrue(e.getMessage().contains("initialDuplicate()"), e.getMessage());
        assertEquals(false, initial.preventInitialCall(), "initial_duplicate still runs on load");
    }
}
