package io.jdash.callback;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/**
 * One entry of {@code _dash-dependencies}: what the browser needs to know to fire a callback. Dash's fields,
 * plus {@code upstream}, the callbacks it must wait for (see {@link CallbackGraph}), and for a background
 * callback its {@link BackgroundSpec} ({@code null} otherwise).
 */
public record CallbackSpec(
        String output,
        List<Output> outputs,
        List<Input> inputs,
        List<State> state,
        @JsonbProperty("prevent_initial_call") boolean preventInitialCall,
        List<String> upstream,
        BackgroundSpec background) {

    public static List<CallbackSpec> of(List<Callback> callbacks) {
        var graph = new CallbackGraph(callbacks);
        return callbacks.stream()
                .map(cb -> new CallbackSpec(cb.id(), cb.outputs(), cb.inputs(), cb.states(), cb.preventInitialCall(),
                        List.copyOf(graph.upstreamOf(cb.id())), BackgroundSpec.of(cb.background())))
                .toList();
    }
}
