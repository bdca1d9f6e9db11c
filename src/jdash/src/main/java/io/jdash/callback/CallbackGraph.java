package io.jdash.callback;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How an app's callbacks feed each other: callback A is upstream of B when an output of A is an input of B.
 * Dash's renderer fires chained callbacks in this order in the browser; the server builds the graph to refuse a
 * cycle when the app is mounted, with the callbacks that form it (the renderer would only show it as an error
 * in the page).
 */
public final class CallbackGraph {

    private final Map<String, Set<String>> upstream = new LinkedHashMap<>();

    public CallbackGraph(List<Callback> callbacks) {
        Map<String, List<String>> writersOfProp = new HashMap<>(); // several where outputs allow duplicates
        callbacks.forEach(cb -> cb.outputs().forEach(out ->
                writersOfProp.computeIfAbsent(out.propId(), prop -> new ArrayList<>()).add(cb.id())));

        Map<String, Set<String>> direct = new LinkedHashMap<>();
        for (Callback cb : callbacks) {
            Set<String> parents = new LinkedHashSet<>();
            for (Input input : cb.inputs()) {
                parents.addAll(writersOfProp.getOrDefault(input.propId(), List.of()));
            }
            direct.put(cb.id(), parents);
        }
        for (Callback cb : callbacks) {
            upstream.put(cb.id(), reachable(cb.id(), direct));
        }
    }

    /** Every callback whose outputs can (through others) change an input of {@code callbackId}. */
    public Set<String> upstreamOf(String callbackId) {
        return upstream.getOrDefault(callbackId, Set.of());
    }

    private static Set<String> reachable(String start, Map<String, Set<String>> direct) {
        Set<String> seen = new LinkedHashSet<>();
        var queue = new ArrayDeque<>(direct.get(start));
        while (!queue.isEmpty()) {
            String next = queue.poll();
            if (next.equals(start)) {
                throw new InvalidCallbacks("circular callbacks: " + cycleThrough(start, direct));
            }
            if (seen.add(next)) {
                queue.addAll(direct.getOrDefault(next, Set.of()));
            }
        }
        return seen;
    }

    /** One cycle through {@code start}, for the error message. */
    private static List<String> cycleThrough(String start, Map<String, Set<String>> direct) {
        var path = new ArrayList<String>();
        path.add(start);
        return findPath(start, start, direct, path, new LinkedHashSet<>()) ? path : List.of(start);
    }

    private static boolean findPath(String from, String target, Map<String, Set<String>> direct,
                                    List<String> path, Set<String> visited) {
        for (String parent : direct.getOrDefault(from, Set.of())) {
            if (parent.equals(target)) {
                path.add(target);
                return true;
            }
            if (visited.add(parent)) {
                path.add(parent);
                if (findPath(parent, target, direct, path, visited)) {
                    return true;
                }
                path.remove(path.size() - 1);
            }
        }
        return false;
    }
}
