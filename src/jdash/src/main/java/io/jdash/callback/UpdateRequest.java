package io.jdash.callback;

import jakarta.json.bind.annotation.JsonbCreator;
import java.util.List;

/**
 * The body of {@code POST _dash-update-component}, Dash's shape:
 * {@code {output, outputs, inputs:[{id,property,value}], state:[…], changedPropIds:[…]}}. {@code output} names the
 * callback ({@link Callback#id()}); {@code outputs} says which components its outputs are (for pattern-matching
 * outputs, which ones the wildcards stand for). An entry of {@code inputs}, {@code state} or {@code outputs} is one
 * {@code {id, property[, value]}}, or a list of them for an {@code ALL} or {@code ALLSMALLER} wildcard; entries
 * arrive as JSON maps (or {@link PropValue}s when made in Java) and {@link CallbackInvoker#bind} checks them.
 */
public record UpdateRequest(String output, Object outputs, List<Object> inputs, List<Object> state,
                            List<String> changedPropIds) {

    @JsonbCreator
    public UpdateRequest {
        inputs = inputs == null ? List.of() : inputs;
        state = state == null ? List.of() : state;
        changedPropIds = changedPropIds == null ? List.of() : changedPropIds;
    }
}
