package io.jdash.callback;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dash's {@code callback_context} ({@code ctx}): which props fired this call and the values of its inputs and
 * states by {@code "id.property"}. Inside a callback, {@link #callbackContext()} returns it, as {@code ctx}
 * does in Dash; it is also {@link CallbackArgs#context()}.
 *
 * @param triggeredPropIds the props whose change fired the call, {@code "id.property"}; empty on the initial call
 */
public record CallbackContext(List<String> triggeredPropIds, Map<String, Object> inputs, Map<String, Object> states) {

    private static final ThreadLocal<CallbackContext> CURRENT = new ThreadLocal<>();

    public CallbackContext {
        triggeredPropIds = List.copyOf(triggeredPropIds);
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
    }

    /** The context of the callback running on this thread. */
    public static CallbackContext callbackContext() {
        CallbackContext context = CURRENT.get();
        if (context == null) {
            throw new IllegalStateException("callbackContext() is only available inside a callback");
        }
        return context;
    }

    /** The id of the component whose prop fired the call, {@code null} on the initial call. */
    public String triggeredId() {
        if (triggeredPropIds.isEmpty()) {
            return null;
        }
        String first = triggeredPropIds.get(0);
        return first.substring(0, first.lastIndexOf('.'));
    }

    /** Runs {@code body} with this context as {@link #callbackContext()} on the current thread. */
    <T> T runWith(ContextBody<T> body) throws Exception {
        CallbackContext previous = CURRENT.get();
        CURRENT.set(this);
        try {
            return body.run();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** Code that runs inside a callback's context. */
    @FunctionalInterface
    public interface ContextBody<T> {
        T run() throws Exception;
    }
}
