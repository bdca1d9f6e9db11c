package io.jdash.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdash.app.MountedApp;
import io.jdash.callback.Callback;
import io.jdash.callback.CallbackInvoker;
import io.jdash.callback.CallbackResult;
import io.jdash.callback.PropValue;
import io.jdash.callback.UpdateRequest;
import io.jdash.layout.Component;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HelloAppTest {

    private final MountedApp app = MountedApp.mount(new HelloApp());

    private Object run(String callbackId, String inputId, String property, Object value) {
        Callback callback = app.callbacks().find(callbackId).orElseThrow();
        var request = new UpdateRequest(callbackId, null, List.of(new PropValue(inputId, property, value)), List.of(),
                List.of(inputId + "." + property));
        var result = (CallbackResult.Updated) CallbackInvoker.invoke(callback, request);
        String[] target = callbackId.split("\\.");
        return result.props().get(target[0]).get(target[1]);
    }

    @Test
    void helloMountsWithTwoChainedCallbacks() {
        assertEquals("hello", app.slug());
        assertEquals(List.of("my-output.children", "my-length.children"),
                app.callbacks().callbacks().stream().map(Callback::id).toList());
        assertEquals(List.of("my-output.children"), app.callbacks().find("my-length.children").orElseThrow()
                .inputs().stream().map(input -> input.propId()).toList(), "the second reads what the first writes");
    }

    @Test
    void echoCallbackGivesOutputAndTheTypedText() {
        assertEquals("Output: x", run("my-output.children", "my-input", "value", "x"));
        assertEquals("Output: initial value", run("my-output.children", "my-input", "value", "initial value"));
    }

    @Test
    void lengthCallbackCountsTheCharacters() {
        assertEquals("Length: 9", run("my-length.children", "my-output", "children", "Output: x"));
        assertEquals("Length: 0", run("my-length.children", "my-output", "children", null));
    }

    @Test
    void chainedCallbacksCountTheEchoedText() {
        Object echoed = run("my-output.children", "my-input", "value", "hello");

        assertEquals("Output: hello", echoed);
        assertEquals("Length: 13", run("my-length.children", "my-output", "children", echoed));
    }

    @Test
    void theLayoutHasTheInputWithItsInitialValueAndAnEmptyOutput() {
        Component input = byId("my-input");
        assertEquals("Input", input.type());
        assertEquals("initial value", input.props().get("value"));
        assertEquals("text", input.props().get("type"));
        assertTrue(byId("my-output").children().isEmpty(), "the output starts empty (children=None)");
    }

    private Component byId(String id) {
        return app.layout().descendantsAndSelf().stream().filter(c -> id.equals(c.id())).findFirst().orElseThrow();
    }

    @Test
    void stateOfTheUnchangedLayoutIsTheSameAfterMount() {
        assertEquals(Map.of(), app.layout().props());
        assertEquals(new HelloApp().layout(), app.layout());
    }
}
