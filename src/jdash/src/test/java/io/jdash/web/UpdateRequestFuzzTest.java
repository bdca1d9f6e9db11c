package io.jdash.web;

import io.jdash.json.JsonCodec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jdash.app.DashApp;
import io.jdash.app.MountedApp;
import io.jdash.callback.BadCallbackRequest;
import io.jdash.callback.Callback;
import io.jdash.callback.CallbackInvoker;
import io.jdash.callback.CallbackRegistry;
import io.jdash.callback.Input;
import io.jdash.callback.Output;
import io.jdash.callback.State;
import io.jdash.callback.UpdateRequest;
import io.jdash.layout.Component;
import io.jdash.layout.Dcc;
import io.jdash.layout.Html;
import jakarta.json.bind.JsonbException;

/**
 * Jazzer on the parsers behind {@code POST _dash-update-component}: any bytes are decoded as an
 * {@link UpdateRequest} by {@link JsonCodec#fromUntrustedJson}, as the endpoint does, and bound by {@link CallbackInvoker#bind} to each callback
 * of a small app (an input, a state, a chained output). A refusal may only be a {@link JsonbException} (not a request) or a
 * {@link BadCallbackRequest} (a request that does not fit the callback); anything else escaping, a
 * {@code StackOverflowError} included, is a bug that would answer 500; a hang fails the run by its timeout.
 * <p>
 * {@code mvn test} replays the seeds under {@code src/test/resources/io/jdash/web/UpdateRequestFuzzTestInputs/};
 * to fuzz for real: {@code JAZZER_FUZZ=1 mvn test -Dtest=UpdateRequestFuzzTest} (findings land beside the seeds).
 */
class UpdateRequestFuzzTest {

    private static final MountedApp HELLO = MountedApp.mount(new TypedApp());

    /** One callback with an input and a state, and one chained on its output. */
    static final class TypedApp implements DashApp {
        public String slug() {
            return "typed";
        }

        public String title() {
            return "Typed";
        }

        public Component layout() {
            return Html.Div(Dcc.Input().id("my-input").value("x"), Html.Div().id("my-output"),
                    Html.Div().id("my-length"));
        }

        public void callbacks(CallbackRegistry app) {
            app.callback(new Output("my-output", "children"), new Input("my-input", "value"),
                    new State("my-input", "type"))
                    .handle(args -> "Output: " + args.get(0));
            app.callback(new Output("my-length", "children"), new Input("my-output", "children"))
                    .handle(args -> args.get(0) == null ? 0 : args.string(0).length());
        }
    }

    @FuzzTest(maxDuration = "60s")
    void decodeAndBindRefuseOnlyCleanly(byte[] body) {
        UpdateRequest update;
        try {
            update = JsonCodec.fromUntrustedJson(body, UpdateRequest.class);
        } catch (JsonbException refused) {
            return;
        }
        if (update == null) {
            return;
        }
        for (Callback callback : HELLO.callbacks().callbacks()) {
            try {
                CallbackInvoker.bind(callback, update);
            } catch (BadCallbackRequest refused) {
                // the endpoint answers 400
            }
        }
    }
}
