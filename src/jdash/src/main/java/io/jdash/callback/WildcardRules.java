package io.jdash.callback;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Dash's rules for wildcards in one callback, checked when it is declared: every output with {@code MATCH} has it
 * on the same keys; an input or state with {@code MATCH} or {@code ALLSMALLER} needs outputs with {@code MATCH} on
 * those same keys (a MATCH input must know which output goes with it).
 */
final class WildcardRules {

    private WildcardRules() {
    }

    static void check(List<Output> outputs, List<Input> inputs, List<State> states) {
        Set<String> outputKeys = null;
        for (Output output : outputs) {
            Set<String> keys = matchKeys(output.id());
            if (outputKeys == null) {
                outputKeys = keys;
            } else if (!outputKeys.equals(keys)) {
                throw new InvalidCallbacks("mismatched MATCH wildcards across outputs: " + outputs
                        + "; each output needs MATCH on the same keys");
            }
        }
        Set<String> wanted = outputKeys == null ? Set.of() : outputKeys;
        for (Dependency dependency : Stream.concat(inputs.stream(), states.stream()).map(d -> (Dependency) d).toList()) {
            Set<String> keys = matchKeys(dependency.id());
            if (!keys.isEmpty() && !keys.equals(wanted)) {
                throw new InvalidCallbacks(dependency + " has MATCH on " + keys + " but the outputs have MATCH on "
                        + wanted + "; a MATCH input needs outputs with MATCH on the same keys");
            }
            if (dependency.id() instanceof Map<?, ?> id && id.containsValue(Wildcard.ALLSMALLER) && wanted.isEmpty()) {
                throw new InvalidCallbacks(dependency + " has ALLSMALLER, which needs outputs with MATCH");
            }
        }
    }

    /**
     * A background callback's {@code running} and {@code progress} outputs and {@code cancel} inputs stand for the
     * component the job runs for: they may have {@code MATCH} (on keys the inputs have {@code MATCH} on), never
     * {@code ALL} or {@code ALLSMALLER}.
     */
    static void checkBackground(List<Input> inputs, List<Output> running, List<Output> progress, List<Input> cancel) {
        var inputKeys = new TreeSet<String>();
        inputs.forEach(input -> inputKeys.addAll(matchKeys(input.id())));
        for (Dependency dependency : Stream.of(running.stream(), progress.stream(), cancel.stream())
                .flatMap(s -> s.map(d -> (Dependency) d)).toList()) {
            if (dependency.id() instanceof Map<?, ?> id
                    && (id.containsValue(Wildcard.ALL) || id.containsValue(Wildcard.ALLSMALLER))) {
                throw new InvalidCallbacks(dependency + ": a background callback's running, progress and cancel ids"
                        + " stand for the one component its job runs for; use MATCH, not ALL or ALLSMALLER");
            }
            Set<String> keys = matchKeys(dependency.id());
            if (!inputKeys.containsAll(keys)) {
                throw new InvalidCallbacks(dependency + " has MATCH on " + keys + " but the inputs have MATCH on "
                        + inputKeys + "; MATCH there means the component whose input fired the job");
            }
        }
    }

    /** The keys whose value is MATCH or ALLSMALLER (ALLSMALLER goes with the MATCH of the same key). */
    private static Set<String> matchKeys(Object id) {
        var keys = new TreeSet<String>();
        if (id instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (v == Wildcard.MATCH || v == Wildcard.ALLSMALLER) {
                    keys.add(String.valueOf(k));
                }
            });
        }
        return keys;
    }
}
