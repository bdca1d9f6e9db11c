package io.jdash.push;

import io.jdash.callback.ComponentIds;
import io.jdash.callback.Background;
import io.jdash.callback.JobTargets;
import io.jdash.callback.Output;
import io.jdash.callback.Running;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prop values for several components gathered in order (a later value of the same prop replaces the earlier one),
 * sent as one {@code set_props} per component, so that the page applies them in one batch.
 */
final class PropChanges {

    private final Map<String, Map<String, Object>> byComponent = new LinkedHashMap<>();

    PropChanges set(String componentId, String prop, Object value) {
        byComponent.computeIfAbsent(componentId, id -> new LinkedHashMap<>()).put(prop, value);
        return this;
    }

    PropChanges set(Output output, Object value) {
        return set(ComponentIds.stringify(output.id()), output.property(), value);
    }

    PropChanges setAll(String componentId, Map<String, Object> props) {
        if (props != null) {
            props.forEach((prop, value) -> set(componentId, prop, value));
        }
        return this;
    }

    /** Adds a callback response's {@code {id: {prop: value}}}. */
    PropChanges setAll(Map<String, Map<String, Object>> propsById) {
        if (propsById != null) {
            propsById.forEach(this::setAll);
        }
        return this;
    }

    /** Each {@code running} prop (its id resolved by {@code targets}) at its "during" value or its "after" value. */
    PropChanges running(List<Running> running, JobTargets targets, boolean during) {
        running.forEach(r -> set(targets.resolve(r.output()), during ? r.during() : r.after()));
        return this;
    }

    /** What a job's end resets: each {@code running} prop at its "after" value, the progress outputs at their defaults. */
    PropChanges endReset(Background background, JobTargets targets) {
        return running(background.running(), targets, false)
                .progress(background.progress(), targets, background.progressDefault());
    }

    /** The progress outputs at {@code values}, one per output; {@code null} leaves an output as it is. */
    PropChanges progress(List<Output> outputs, JobTargets targets, List<Object> values) {
        if (values != null) {
            for (int i = 0; i < outputs.size() && i < values.size(); i++) {
                if (values.get(i) != null) {
                    set(targets.resolve(outputs.get(i)), values.get(i));
                }
            }
        }
        return this;
    }

    /** The values as a callback's {@code response}: {@code {id: {prop: value}}}. */
    Map<String, Map<String, Object>> asResponse() {
        return byComponent;
    }

    boolean isEmpty() {
        return byComponent.isEmpty();
    }

    List<ServerMessage> messages(String rendererId) {
        var messages = new ArrayList<ServerMessage>();
        byComponent.forEach((id, props) -> messages.add(ServerMessage.SetProps.of(rendererId, id, props)));
        return messages;
    }
}
