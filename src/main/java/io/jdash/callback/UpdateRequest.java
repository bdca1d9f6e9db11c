package io.jdash.callback;

import java.util.List;

/**
 * The body of {@code POST _dash-update-component}, Dash's shape:
 * {@code {output, outputs, inputs:[{id,property,value}], state:[…], changedPropIds:[…]}}.
 * {@code output} names the callback ({@link Callback#id()}); {@code outputs} is informational.
 */
public record UpdateRequest(String output, Object outputs, List<PropValue> inputs, List<PropValue> state,
                            List<String> changedPropIds) {

    public UpdateRequest {
        inputs = inputs == null ? List.of() : inputs;
        state = state == null ? List.of() : state;
        changedPropIds = changedPropIds == null ? List.of() : changedPropIds;
    }
}
