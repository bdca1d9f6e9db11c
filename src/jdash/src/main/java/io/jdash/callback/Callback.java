package io.jdash.callback;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One declared callback: what it writes, what fires it, what it reads, and its code.
 *
 * @param id         Dash's name for it, built from its outputs: {@code "id.prop"}, or {@code "..a.x...b.y.."} for
 *                   several; the browser names the callback it calls by this
 * @param parameters its inputs and states in the order they were declared: the order of its arguments, as in Dash
 * @param websocket  Dash's {@code websocket=True}: on Dash's renderer the page sends it over the app's WebSocket
 */
public record Callback(String id, List<Output> outputs, List<Input> inputs, List<State> states,
                       boolean preventInitialCall, CallbackFunction function, Background background,
                       List<Dependency> parameters, boolean websocket) {

    public Callback {
        outputs = List.copyOf(outputs);
        inputs = List.copyOf(inputs);
        states = List.copyOf(states);
        parameters = List.copyOf(parameters);
        if (!parameters.stream().filter(p -> p instanceof Input).toList().equals(inputs)
                || !parameters.stream().filter(p -> p instanceof State).toList().equals(states)) {
            throw new IllegalArgumentException("callback " + id + ": parameters " + parameters
                    + " must be its inputs " + inputs + " and states " + states + ", each in their order");
        }
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("callback " + id + " has no Input: nothing could fire it");
        }
        if ((function == null) == (background == null)) {
            throw new IllegalArgumentException("callback " + id + " needs either its code or background options");
        }
    }

    /** An ordinary (not background) callback whose inputs were declared before its states. */
    public Callback(String id, List<Output> outputs, List<Input> inputs, List<State> states,
                    boolean preventInitialCall, CallbackFunction function) {
        this(id, outputs, inputs, states, preventInitialCall, function, null, inputsThenStates(inputs, states), false);
    }

    /** A callback whose inputs were declared before its states. */
    public Callback(String id, List<Output> outputs, List<Input> inputs, List<State> states,
                    boolean preventInitialCall, CallbackFunction function, Background background) {
        this(id, outputs, inputs, states, preventInitialCall, function, background, inputsThenStates(inputs, states),
                false);
    }

    private static List<Dependency> inputsThenStates(List<Input> inputs, List<State> states) {
        var all = new java.util.ArrayList<Dependency>(inputs);
        all.addAll(states);
        return all;
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
            return outputName(outputs.get(0), inputs);
        }
        return outputs.stream().map(o -> outputName(o, inputs)).collect(Collectors.joining("...", "..", ".."));
    }

    /**
     * {@code id.prop}, and for an output that allows duplicates {@code id.prop@<hash of the inputs>}, as Dash names
     * it, so that each callback writing the prop has a name of its own (the renderer drops what follows the @).
     */
    private static String outputName(Output output, List<Input> inputs) {
        if (!output.duplicateAllowed()) {
            return output.propId();
        }
        String joined = inputs.stream().map(Input::propId).collect(Collectors.joining("."));
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(joined.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return output.propId() + "@" + java.util.HexFormat.of().formatHex(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean isBackground() {
        return background != null;
    }

    /** Whether the browser runs it ({@link ClientsideFunction}); the server then never does. */
    public boolean isClientside() {
        return function instanceof ClientsideFunction;
    }

    public boolean hasMultipleOutputs() {
        return outputs.size() > 1;
    }
}
