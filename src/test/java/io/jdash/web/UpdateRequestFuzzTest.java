package io.jdash.web;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jdash.app.MountedApp;
import io.jdash.callback.BadCallbackRequest;
import io.jdash.callback.Callback;
import io.jdash.callback.CallbackInvoker;
import io.jdash.callback.UpdateRequest;
import io.jdash.examples.HelloApp;
import jakarta.json.bind.JsonbException;

/**
 * Jazzer on the parsers behind {@code POST _dash-update-component}: any bytes are decoded as an
 * {@link UpdateRequest} by {@link JsonCodec#fromUntrustedJson}, as the endpoint does, and bound by {@link CallbackInvoker#bind} to each of the hello
 * app's callbacks. A refusal may only be a {@link JsonbException} (not a request) or a
 * {@link BadCallbackRequest} (a request that does not fit the callback); anything else escaping, a
 * {@code StackOverflowError} included, is a bug that would answer 500; a hang fails the run by its timeout.
 * <p>
 * {@code mvn test} replays the seeds under {@code src/test/resources/io/jdash/web/UpdateRequestFuzzTestInputs/};
 * to fuzz for real: {@code JAZZER_FUZZ=1 mvn test -Dtest=UpdateRequestFuzzTest} (findings land beside the seeds).
 */
class UpdateRequestFuzzTest {

    private static final MountedApp HELLO = MountedApp.mount(new HelloApp());

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
