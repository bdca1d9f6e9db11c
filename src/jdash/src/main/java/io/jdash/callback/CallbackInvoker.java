package io.jdash.callback;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Runs one callback for one request: checks that the request carries exactly the callback's inputs and
 * states, binds their values as arguments, calls the code and maps what it returns onto the outputs.
 */
public final class CallbackInvoker {

    private CallbackInvoker() {
    }

    /**
     * The arguments {@code request} gives {@code callback}, checked against what it declared, in the order the
     * callback declared its inputs and states (the request carries the inputs and the states apart).
     */
    public static CallbackArgs bind(Callback callback, UpdateRequest request) {
        var inputs = new LinkedHashMap<String, Object>();
        var states = new LinkedHashMap<String, Object>();
        bindAll("inputs", callback.inputs(), request.inputs(), inputs);
        bindAll("state", callback.states(), request.state(), states);
        for (String changed : request.changedPropIds()) {
            if (!inputs.containsKey(changed)) {
                throw new BadCallbackRequest("changedPropIds names " + changed + ", which is not an input of " + callback.id());
            }
        }
        var values = new ArrayList<Object>(callback.parameters().size());
        for (Dependency parameter : callback.parameters()) {
            values.add(parameter instanceof Input ? inputs.get(parameter.propId()) : states.get(parameter.propId()));
        }
        return new CallbackArgs(values, new CallbackContext(request.changedPropIds(), inputs, states));
    }

    /**
     * The arguments of a call from values already checked by {@link #bind} (a background job's, on the node
     * that runs it), in the callback's parameter order.
     */
    public static CallbackArgs bindValues(Callback callback, List<Object> values, List<String> changedPropIds) {
        var inputs = new LinkedHashMap<String, Object>();
        var states = new LinkedHashMap<String, Object>();
        int i = 0;
        for (Dependency parameter : callback.parameters()) {
            (parameter instanceof Input ? inputs : states).put(parameter.propId(), values.get(i++));
        }
        return new CallbackArgs(values, new CallbackContext(changedPropIds, inputs, states));
    }

    /**
     * Calls {@code body} with the call's context as {@link CallbackContext#callbackContext()} and
     * {@link SetProps#setProps} sending to {@code setProps}.
     */
    public static Object callInContext(CallbackArgs args, BiConsumer<String, Map<String, Object>> setProps,
                                       CallbackContext.ContextBody<Object> body) throws Exception {
        return SetProps.collectingInto(setProps, () -> args.context().runWith(body));
    }

    /** Runs the callback and maps its return value onto its outputs. */
    public static CallbackResult invoke(Callback callback, UpdateRequest request) {
        CallbackArgs args = bind(callback, request);
        var sideUpdates = new LinkedHashMap<String, Map<String, Object>>();
        Object returned;
        try {
            returned = callInContext(args, (id, props) -> sideUpdates.computeIfAbsent(id, k -> new LinkedHashMap<>())
                    .putAll(props), () -> callback.function().apply(args));
        } catch (PreventUpdate prevented) {
            return new CallbackResult.Prevented();
        } catch (Exception e) {
            throw new CallbackFailure(callback.id() + " failed: " + describe(e), e);
        }
        CallbackResult outputs = mapResult(callback, returned);
        if (sideUpdates.isEmpty()) {
            return outputs;
        }
        if (outputs instanceof CallbackResult.Updated updated) { // outputs win over setProps of the same prop
            updated.props().forEach((id, props) -> sideUpdates.computeIfAbsent(id, k -> new LinkedHashMap<>()).putAll(props));
        }
        return new CallbackResult.Updated(sideUpdates);
    }

    /** Puts each returned value on its output, leaving {@code noUpdate} ones out. */
    public static CallbackResult mapResult(Callback callback, Object returned) {
        List<Output> outputs = callback.outputs();
        List<?> values;
        if (callback.hasMultipleOutputs()) {
            if (!(returned instanceof List<?> list) || list.size() != outputs.size()) {
                throw new CallbackFailure(callback.id() + " has " + outputs.size()
                        + " outputs and must return a List of " + outputs.size() + " values, but returned "
                        + (returned instanceof List<?> l ? "a List of " + l.size() : String.valueOf(returned)), null);
            }
            values = list;
        } else {
            values = Collections.singletonList(returned);
        }
        var props = new LinkedHashMap<String, Map<String, Object>>();
        for (int i = 0; i < outputs.size(); i++) {
            Object value = values.get(i);
            if (value instanceof NoUpdate) {
                continue;
            }
            Output output = outputs.get(i);
            props.computeIfAbsent(output.id(), id -> new LinkedHashMap<>()).put(output.property(), value);
        }
        return props.isEmpty() ? new CallbackResult.Prevented() : new CallbackResult.Updated(props);
    }

    private static void bindAll(String field, List<? extends Dependency> declared, List<PropValue> sent,
                                Map<String, Object> byPropId) {
        if (sent.size() != declared.size()) {
            throw new BadCallbackRequest(field + " must hold " + declared + " but holds " + sent.size() + " values");
        }
        for (int i = 0; i < declared.size(); i++) {
            Dependency want = declared.get(i);
            PropValue got = sent.get(i);
            if (got == null || !want.id().equals(got.id()) || !want.property().equals(got.property())) {
                throw new BadCallbackRequest(field + "[" + i + "] must be " + want + " but is "
                        + (got == null ? "null" : got.id() + "." + got.property()));
            }
            byPropId.put(want.propId(), normalize(got.value()));
        }
    }

    /** JSON numbers come in as BigDecimal: whole ones become Integer or Long, others Double. */
    static Object normalize(Object value) {
        if (value instanceof BigDecimal number) {
            if (number.signum() == 0 || number.stripTrailingZeros().scale() <= 0) {
                try {
                    long whole = number.longValueExact();
                    return whole == (int) whole ? (Object) (int) whole : (Object) whole;
                } catch (ArithmeticException tooBig) {
                    return number.doubleValue();
                }
            }
            return number.doubleValue();
        }
        if (value instanceof List<?> list) {
            var copy = new ArrayList<Object>(list.size());
            list.forEach(item -> copy.add(normalize(item)));
            return copy;
        }
        if (value instanceof Map<?, ?> map) {
            var copy = new LinkedHashMap<Object, Object>();
            map.forEach((k, v) -> copy.put(k, normalize(v)));
            return copy;
        }
        return value;
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
