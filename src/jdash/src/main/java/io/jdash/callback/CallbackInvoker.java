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
     * callback declared its inputs and states (the request carries the inputs and the states apart). An input with an
     * {@code ALL} or {@code ALLSMALLER} wildcard gives the list of its components' values.
     */
    public static CallbackArgs bind(Callback callback, UpdateRequest request) {
        return bind(callback, request, null);
    }

    /** {@link #bind(Callback, UpdateRequest)} with the HTTP side of the call for the callback's context. */
    public static CallbackArgs bind(Callback callback, UpdateRequest request, CallbackHttp http) {
        var inputs = new LinkedHashMap<String, Object>();
        var states = new LinkedHashMap<String, Object>();
        List<Object> inputValues = bindAll("inputs", callback.inputs(), request.inputs(), inputs);
        List<Object> stateValues = bindAll("state", callback.states(), request.state(), states);
        for (String changed : request.changedPropIds()) {
            if (!inputs.containsKey(changed)) {
                throw new BadCallbackRequest("changedPropIds names " + changed + ", which is not an input of " + callback.id());
            }
        }
        var values = new ArrayList<Object>(callback.parameters().size());
        int input = 0;
        int state = 0;
        for (Dependency parameter : callback.parameters()) {
            values.add(parameter instanceof Input ? value(inputValues.get(input++)) : value(stateValues.get(state++)));
        }
        return new CallbackArgs(values, new CallbackContext(request.changedPropIds(), inputs, states, inputValues,
                stateValues, outputsOf(callback, request.outputs()), http));
    }

    /**
     * The arguments of a call from values already checked by {@link #bind} (a background job's, on the node
     * that runs it), in the callback's parameter order.
     */
    public static CallbackArgs bindValues(Callback callback, List<Object> values, List<String> changedPropIds) {
        var inputs = new LinkedHashMap<String, Object>();
        var states = new LinkedHashMap<String, Object>();
        var inputsList = new ArrayList<Object>();
        var statesList = new ArrayList<Object>();
        int i = 0;
        for (Dependency parameter : callback.parameters()) {
            Object value = values.get(i++);
            (parameter instanceof Input ? inputs : states).put(parameter.propId(), value);
            (parameter instanceof Input ? inputsList : statesList)
                    .add(new PropValue(parameter.id(), parameter.property(), value));
        }
        return new CallbackArgs(values, new CallbackContext(changedPropIds, inputs, states, inputsList, statesList, null,
                null));
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
        return invoke(callback, request, null);
    }

    /** {@link #invoke(Callback, UpdateRequest)} with the HTTP side of the call (cookies, headers, cookies to set). */
    public static CallbackResult invoke(Callback callback, UpdateRequest request, CallbackHttp http) {
        CallbackArgs args = bind(callback, request, http);
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
        CallbackResult outputs = mapResult(callback, args.context().outputsList(), returned);
        if (sideUpdates.isEmpty()) {
            return outputs;
        }
        if (outputs instanceof CallbackResult.Updated updated) { // outputs win over setProps of the same prop
            updated.props().forEach((id, props) -> sideUpdates.computeIfAbsent(id, k -> new LinkedHashMap<>()).putAll(props));
        }
        return new CallbackResult.Updated(sideUpdates);
    }

    /** Puts each returned value on its output (a callback without pattern-matching outputs), leaving {@code noUpdate} ones out. */
    public static CallbackResult mapResult(Callback callback, Object returned) {
        return mapResult(callback, null, returned);
    }

    /**
     * Puts each returned value on its output, leaving {@code noUpdate} ones out. {@code outputs} (from the request)
     * names the components a pattern-matching output stands for; an {@code ALL} output takes a {@code List} with
     * one value per component.
     */
    static CallbackResult mapResult(Callback callback, List<Object> outputs, Object returned) {
        List<Output> declared = callback.outputs();
        List<?> values;
        if (callback.hasMultipleOutputs()) {
            if (!(returned instanceof List<?> list) || list.size() != declared.size()) {
                throw new CallbackFailure(callback.id() + " has " + declared.size()
                        + " outputs and must return a List of " + declared.size() + " values, but returned "
                        + (returned instanceof List<?> l ? "a List of " + l.size() : String.valueOf(returned)), null);
            }
            values = list;
        } else {
            values = Collections.singletonList(returned);
        }
        var props = new LinkedHashMap<String, Map<String, Object>>();
        for (int i = 0; i < declared.size(); i++) {
            Object value = values.get(i);
            if (value instanceof NoUpdate) {
                continue;
            }
            Output output = declared.get(i);
            Object target = output.hasWildcard() && outputs != null ? outputs.get(i) : output;
            if (target instanceof List<?> many) {
                if (!(value instanceof List<?> each) || each.size() != many.size()) {
                    throw new CallbackFailure(callback.id() + ": output " + output + " stands for " + many.size()
                            + " components here and takes a List of as many values, not " + value, null);
                }
                for (int j = 0; j < many.size(); j++) {
                    put(props, (PropValue) many.get(j), output.property(), each.get(j));
                }
            } else if (target instanceof PropValue one) {
                put(props, one, output.property(), value);
            } else {
                put(props, new PropValue(output.id(), output.property(), null), output.property(), value);
            }
        }
        return props.isEmpty() ? new CallbackResult.Prevented() : new CallbackResult.Updated(props);
    }

    private static void put(Map<String, Map<String, Object>> props, PropValue target, String property, Object value) {
        if (value instanceof NoUpdate) {
            return;
        }
        props.computeIfAbsent(ComponentIds.stringify(target.id()), id -> new LinkedHashMap<>()).put(property, value);
    }

    /**
     * The request's {@code outputs} as one entry per declared output: a {@link PropValue} (no value), or a list of
     * them for an {@code ALL} output. For a callback without pattern-matching outputs, the declared ones.
     */
    private static List<Object> outputsOf(Callback callback, Object sent) {
        List<Output> declared = callback.outputs();
        if (declared.stream().noneMatch(Output::hasWildcard)) {
            return declared.stream().map(o -> (Object) new PropValue(o.id(), o.property(), null)).toList();
        }
        List<?> entries = callback.hasMultipleOutputs() ? (sent instanceof List<?> list ? list : null)
                : Collections.singletonList(sent);
        if (entries == null || entries.size() != declared.size()) {
            throw new BadCallbackRequest("outputs must hold one entry per output of " + callback.id());
        }
        var result = new ArrayList<Object>();
        for (int i = 0; i < declared.size(); i++) {
            Output output = declared.get(i);
            Object entry = entries.get(i);
            String where = "outputs[" + i + "]";
            if (ComponentIds.isMulti(output.id())) {
                if (!(entry instanceof List<?> many)) {
                    throw new BadCallbackRequest(where + " must be a list: " + output + " has an ALL wildcard");
                }
                var concrete = new ArrayList<PropValue>();
                for (Object one : many) {
                    concrete.add(matching(output, PropValue.from(one, where), where));
                }
                result.add(concrete);
            } else {
                result.add(output.hasWildcard() ? matching(output, PropValue.from(entry, where), where)
                        : new PropValue(output.id(), output.property(), null));
            }
        }
        return result;
    }

    /**
     * Checks the sent entries against the declared dependencies and records each value by its prop id. Returns one
     * entry per declared dependency: its {@link PropValue}, or the list of them for an ALL/ALLSMALLER wildcard.
     */
    private static List<Object> bindAll(String field, List<? extends Dependency> declared, List<Object> sent,
                                        Map<String, Object> byPropId) {
        if (sent.size() != declared.size()) {
            throw new BadCallbackRequest(field + " must hold " + declared + " but holds " + sent.size() + " values");
        }
        var entries = new ArrayList<Object>(declared.size());
        for (int i = 0; i < declared.size(); i++) {
            Dependency want = declared.get(i);
            String where = field + "[" + i + "]";
            if (ComponentIds.isMulti(want.id())) {
                if (!(sent.get(i) instanceof List<?> many)) {
                    throw new BadCallbackRequest(where + " must be a list: " + want + " has an ALL or ALLSMALLER wildcard");
                }
                var values = new ArrayList<PropValue>(many.size());
                for (Object one : many) {
                    PropValue got = normalized(matching(want, PropValue.from(one, where), where));
                    byPropId.put(got.propId(), got.value());
                    values.add(got);
                }
                entries.add(values);
            } else {
                PropValue got = normalized(matching(want, PropValue.from(sent.get(i), where), where));
                byPropId.put(got.propId(), got.value());
                entries.add(got);
            }
        }
        return entries;
    }

    private static PropValue matching(Dependency want, PropValue got, String where) {
        if (!ComponentIds.matches(want.id(), got.id()) || !want.property().equals(got.property())) {
            throw new BadCallbackRequest(where + " must be " + want + " but is " + got.propId());
        }
        return got;
    }

    private static PropValue normalized(PropValue value) {
        return new PropValue(value.id(), value.property(), normalize(value.value()));
    }

    /** The argument an entry of {@link #bindAll} gives: its value, or the list of its components' values. */
    private static Object value(Object entry) {
        if (entry instanceof List<?> many) {
            return many.stream().map(one -> ((PropValue) one).value()).toList();
        }
        return ((PropValue) entry).value();
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

    /**
     * What the page may read of an exception: its message, never its class (in production no exception class name
     * reaches the browser; the server log and, in debug mode, the dev tools have the whole trace).
     */
    public static String describe(Exception e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? "it threw an exception without a message"
                : e.getMessage();
    }
}
