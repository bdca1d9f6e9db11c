package io.jdash.callback;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Dash's {@code set_props(component_id, props)}: from inside a callback, updates any component of the page,
 * also one that is not an output. {@code import static io.jdash.callback.SetProps.setProps;}
 * In an ordinary callback the updates travel with the callback's answer; in a background job each one is
 * pushed to the page at once (as {@code job.setProps} does).
 */
public final class SetProps {

    private static final ThreadLocal<BiConsumer<String, Map<String, Object>>> TARGET = new ThreadLocal<>();

    private SetProps() {
    }

    public static void setProps(String componentId, Map<String, ?> props) {
        BiConsumer<String, Map<String, Object>> target = TARGET.get();
        if (target == null) {
            throw new IllegalStateException("setProps(..) is only available inside a callback");
        }
        target.accept(componentId, new LinkedHashMap<>(props));
    }

    /** Runs {@code body} with {@link #setProps} sending its updates to {@code target}. */
    static <T> T collectingInto(BiConsumer<String, Map<String, Object>> target, CallbackContext.ContextBody<T> body)
            throws Exception {
        var previous = TARGET.get();
        TARGET.set(target);
        try {
            return body.run();
        } finally {
            if (previous == null) {
                TARGET.remove();
            } else {
                TARGET.set(previous);
            }
        }
    }
}
