package io.jdash.callback;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dash's {@code callback_context} ({@code ctx}): which props fired this call, and the values of its inputs and
 * states by {@code "id.property"} (a dict id stringified, as Dash does). Inside a callback,
 * {@link #callbackContext()} returns it, as {@code ctx} does in Dash; it is also {@link CallbackArgs#context()}.
 *
 * @param triggeredPropIds the props whose change fired the call, {@code "id.property"}; empty on the initial call
 * @param inputs           every input's value by {@code "id.property"}, those of a wildcard's components included
 * @param states           every state's value, the same way
 * @param inputsList       Dash's {@code ctx.inputs_list}: per declared input, its {@link PropValue}, or for an
 *                         {@code ALL}/{@code ALLSMALLER} wildcard the list of them
 * @param statesList       Dash's {@code ctx.states_list}, the same way
 * @param outputsList      Dash's {@code ctx.outputs_list}: per declared output, the component and prop it writes
 *                         (a list of them for an {@code ALL} wildcard); {@code null} for a background job's context
 * @param http             the request's cookies and headers, and the cookies the callback sets; {@code null} in a
 *                         background job, which runs after its request has been answered
 */
public record CallbackContext(List<String> triggeredPropIds, Map<String, Object> inputs, Map<String, Object> states,
                              List<Object> inputsList, List<Object> statesList, List<Object> outputsList,
                              CallbackHttp http) {

    private static final ThreadLocal<CallbackContext> CURRENT = new ThreadLocal<>();

    public CallbackContext {
        triggeredPropIds = List.copyOf(triggeredPropIds);
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
        inputsList = inputsList == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(inputsList));
        statesList = statesList == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(statesList));
        outputsList = outputsList == null ? null : Collections.unmodifiableList(new ArrayList<>(outputsList));
    }

    /** A context with only the triggered props and the values by prop. */
    public CallbackContext(List<String> triggeredPropIds, Map<String, Object> inputs, Map<String, Object> states) {
        this(triggeredPropIds, inputs, states, null, null, null, null);
    }

    /** The context of the callback running on this thread. */
    public static CallbackContext callbackContext() {
        CallbackContext context = CURRENT.get();
        if (context == null) {
            throw new IllegalStateException("callbackContext() is only available inside a callback");
        }
        return context;
    }

    /** Dash's {@code ctx.cookies}: the request's cookies; empty in a background job. */
    public Map<String, String> cookies() {
        return http == null ? Map.of() : http.cookies();
    }

    /** Dash's {@code ctx.headers}: the request's headers by lower-case name; empty in a background job. */
    public Map<String, String> headers() {
        return http == null ? Map.of() : http.headers();
    }

    /** Dash's {@code ctx.response.set_cookie(name, value)}; a background job cannot (its request is long answered). */
    public void setCookie(String name, String value) {
        if (http == null) {
            throw new IllegalStateException("a background job cannot set a cookie: its request was answered when it was queued");
        }
        http.setCookie(name, value);
    }

    /**
     * Dash's {@code ctx.triggered_id}: the id of the component whose prop fired the call — a {@code String}, or
     * the {@code Map} of a pattern-matching component —; {@code null} on the initial call.
     */
    public Object triggeredId() {
        if (triggeredPropIds.isEmpty()) {
            return null;
        }
        String first = triggeredPropIds.get(0);
        for (Object entry : inputsList) {
            for (Object one : entry instanceof List<?> many ? many : List.of(entry)) {
                if (one instanceof PropValue value && value.propId().equals(first)) {
                    return value.id();
                }
            }
        }
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
