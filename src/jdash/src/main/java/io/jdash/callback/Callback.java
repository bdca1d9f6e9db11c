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
                       boolean preventInitialCall, CallbackFunction function, Background background) {

    public Callback {
        outputs = List.copyOf(outputs);
        inputs = List.copyOf(inputs);
        states = List.copyOf(states);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("callback " + id + " has no Input: nothing could fire it");
        }
        if ((function == null) == (background == null)) {
            throw new IllegalArgumentException("callback " + id + " needs either its code or background options");
        }
    }

    /** An ordinary (not background) callback. */
    public Callback(String id, List<Output> outputs, List<Input> inputs, List<State> states,
                    boolean preventInitialCall, CallbackFunction function) {
        this(id, outputs, inputs, states, preventInitialCall, function, null);
    }

    /** Dash's name for a callback with these outputs (at least one). */
    public static String idFor(List<Output> outputs) {
        return idFor(outputs, List.of());
    }

    /**
     * Dash's name for a callback with these outputs; one with no output at all is named after its inputs,
     * {@code "_no_output(a.x,b.y)"}.
     */
    public static String idFor(List<Output> outputs, List<Input> inputs) {
        if (outputs.isEmpty()) {
            return inputs.stream().map(Input::propId).collect(Collectors.joining(",", "_no_output(", ")"));
        }
        if (outputs.size() == 1) {
            return outputs.get(0).propId();
        }
        return outputs.stream().map(Output::propId).collect(Collectors.joining("...", "..", ".."));
    }

    public boolean isBackground() {
        return background != null;
    }

    public boolean hasMultipleOutputs() {
        return outputs.size() > 1;
    }
}
