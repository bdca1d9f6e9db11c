package io.jdash.callback;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One declared callback: what it writes, what fires it, what it reads, and its code.
 *
 * @param id Dash's name for it, built from its outputs: {@code "id.prop"}, or {@code "..a.x...b.y.."} for
 *           several; the browser names the callback it calls by this
 */
public record Callback(String id, List<Output> outputs, List<Input> inputs, List<State> states,
                       boolean preventInitialCall, CallbackFunction function) {

    public Callback {
        outputs = List.copyOf(outputs);
        inputs = List.copyOf(inputs);
        states = List.copyOf(states);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("callback " + id + " has no Input: nothing could fire it");
        }
    }

    /** Dash's name for a callback with these outputs. */
    public static String idFor(List<Output> outputs) {
        if (outputs.size() == 1) {
            return outputs.get(0).propId();
        }
        return outputs.stream().map(Output::propId).collect(Collectors.joining("...", "..", ".."));
    }

    public boolean hasMultipleOutputs() {
        return outputs.size() > 1;
    }
}
