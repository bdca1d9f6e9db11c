package io.jdash.callback;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which components a background job of a pattern-matching callback writes. The job itself returns its values for
 * the declared outputs (a {@code MATCH} output keyed by its declared id, an {@code ALL} output with a {@code List});
 * the server, which knows the request, puts them on the components the request named, and writes the job's
 * {@code running}, {@code progress} and cancel ids with {@code MATCH} as the component the job runs for: the
 * values of the {@code MATCH} keys in the request's concrete inputs.
 *
 * @param matchValues the {@code MATCH} keys' values of this call ({@code {"index": 3}}), empty without wildcards
 * @param outputs     per declared output, the component the request named ({@link PropValue}), or a List of them
 *                    for an {@code ALL} output; null when the request named none (no pattern-matching outputs)
 */
public record JobTargets(Map<String, Object> matchValues, List<Object> outputs) {

    /** A callback without wildcards: every id is the declared one. */
    public static final JobTargets NONE = new JobTargets(Map.of(), null);

    public JobTargets {
        matchValues = Map.copyOf(matchValues);
        outputs = outputs == null ? null : List.copyOf(outputs);
    }

    /** The targets of the call {@code args} is, for {@code callback}. */
    public static JobTargets of(Callback callback, CallbackArgs args) {
        if (!hasWildcards(callback)) {
            return NONE;
        }
        var match = new LinkedHashMap<String, Object>();
        List<Object> inputs = args.context().inputsList();
        for (int i = 0; i < callback.inputs().size() && i < inputs.size(); i++) {
            if (callback.inputs().get(i).id() instanceof Map<?, ?> declared && inputs.get(i) instanceof PropValue concrete
                    && concrete.id() instanceof Map<?, ?> id) {
                declared.forEach((key, value) -> {
                    if (value == Wildcard.MATCH && id.get(key) != null) {
                        match.put(String.valueOf(key), id.get(key));
                    }
                });
            }
        }
        return new JobTargets(match, args.context().outputsList());
    }

    /**
     * Which of the callback's jobs this is, as Dash's renderer tells them apart: a newer call supersedes an older
     * one of the same callback only when both write the same components (for pattern-matching ones: the same row).
     */
    public String slot() {
        return ComponentIds.stringify(new java.util.TreeMap<>(matchValues));
    }

    /** Whether any of the callback's ids, its background ones included, has a wildcard. */
    static boolean hasWildcards(Callback callback) {
        boolean declared = callback.outputs().stream().anyMatch(Output::hasWildcard)
                || callback.inputs().stream().anyMatch(Input::hasWildcard)
                || callback.states().stream().anyMatch(State::hasWildcard);
        Background background = callback.background();
        return declared || background != null && (background.running().stream().anyMatch(r -> r.output().hasWildcard())
                || background.progress().stream().anyMatch(Output::hasWildcard)
                || background.cancel().stream().anyMatch(Input::hasWildcard));
    }

    /** The id with each {@code MATCH} replaced by this call's value (unchanged without wildcards). */
    public Object resolve(Object declaredId) {
        if (!(declaredId instanceof Map<?, ?> id) || !id.containsValue(Wildcard.MATCH)) {
            return declaredId;
        }
        var concrete = new LinkedHashMap<String, Object>();
        id.forEach((key, value) -> concrete.put(String.valueOf(key),
                value == Wildcard.MATCH ? matchValues.getOrDefault(String.valueOf(key), value) : value));
        return concrete;
    }

    /** The output with its id resolved. */
    public Output resolve(Output output) {
        Object id = resolve(output.id());
        return id == output.id() ? output : new Output(id, output.property());
    }

    /** Whether a concrete cancel input's id is this call's: its MATCH keys have this call's values. */
    public boolean matches(Input declared, Object concreteId) {
        if (!(declared.id() instanceof Map<?, ?> id) || !(concreteId instanceof Map<?, ?> concrete)) {
            return true;
        }
        for (var entry : id.entrySet()) {
            if (entry.getValue() == Wildcard.MATCH) {
                Object mine = matchValues.get(String.valueOf(entry.getKey()));
                if (mine != null && !ComponentIds.stringify(Map.of("v", mine))
                        .equals(ComponentIds.stringify(Map.of("v", concrete.get(entry.getKey()))))) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The job's response ({@code {id: {prop: value}}}, a pattern-matching output keyed by its declared id) on the
     * components the request named: a {@code MATCH} output's key becomes the component's, an {@code ALL} output's
     * List is spread over its components.
     */
    public Map<String, Map<String, Object>> place(Callback callback, Map<String, Map<String, Object>> response) {
        if (outputs == null || response == null) {
            return response;
        }
        var placed = new LinkedHashMap<String, Map<String, Object>>();
        response.forEach((id, props) -> placed.computeIfAbsent(id, k -> new LinkedHashMap<>()).putAll(props));
        List<Output> declared = callback.outputs();
        for (int i = 0; i < declared.size() && i < outputs.size(); i++) {
            Output output = declared.get(i);
            if (!output.hasWildcard()) {
                continue;
            }
            String key = ComponentIds.stringify(output.id());
            Map<String, Object> props = placed.get(key);
            if (props == null || !props.containsKey(output.property())) {
                continue; // no update for this output
            }
            Object value = props.remove(output.property());
            if (props.isEmpty()) {
                placed.remove(key);
            }
            Object target = outputs.get(i);
            if (target instanceof PropValue one) {
                placed.computeIfAbsent(ComponentIds.stringify(one.id()), k -> new LinkedHashMap<>())
                        .put(output.property(), value);
            } else if (target instanceof List<?> many && value instanceof List<?> values) {
                for (int j = 0; j < many.size() && j < values.size(); j++) {
                    if (many.get(j) instanceof PropValue each) {
                        placed.computeIfAbsent(ComponentIds.stringify(each.id()), k -> new LinkedHashMap<>())
                                .put(output.property(), values.get(j));
                    }
                }
            }
        }
        return placed;
    }
}
