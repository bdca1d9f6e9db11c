package io.jdash.callback;

import jakarta.json.bind.annotation.JsonbCreator;
import java.util.List;

/**
 * The body of {@code POST _dash-update-component}, Dash's shape:
 * {@code {output, outputs, inputs:[{id,property,value}], state:[…], changedPropIds:[…]}}.
 * {@code output} names the callback ({@link Callback#id()}); {@code outputs} is informational. JDash adds
 * {@code previousJob}: for a background callback, the page's job of the same callback still running, which
 * the new job replaces (Dash cancels it too).
 */
public record UpdateRequest(String output, Object outputs, List<PropValue> inputs, List<PropValue> state,
                            List<String> changedPropIds, String previousJob) {

    /** A request with no previous job. */
    public UpdateRequest(String output, Object outputs, List<PropValue> inputs, List<PropValue> state,
                         List<String> changedPropIds) {
        this(output, outputs, inputs, state, changedPropIds, null);
    }


    @JsonbCreator
    public UpdateRequest {
        inputs = inputs == null ? List.of() : inputs;
        state = state == null ? List.of() : state;
        changedPropIds = changedPropIds == null ? List.of() : changedPropIds;
    }
}
