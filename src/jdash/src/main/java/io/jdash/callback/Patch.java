package io.jdash.callback;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dash's {@code Patch}: a partial update of an output's value that the browser applies to what it has, so a callback
 * can add a point to a figure or a row to a list without sending all of it back. Return it in place of the value:
 *
 * <pre>{@code
 * Patch patch = new Patch();
 * patch.at("data", 0, "y").append(4);        // patched["data"][0]["y"].append(4)
 * patch.at("layout", "title", "text").assign("New");
 * patch.at("count").add(1);                  // patched["count"] += 1
 * return patch;
 * }</pre>
 *
 * Keys are prop keys ({@code String}) or list indexes ({@code Integer}, negative from the end). The operations are
 * sent in order, as Dash's renderer applies them.
 */
@JsonbPropertyOrder({"marker", "operations"})
public final class Patch {

    /** One operation, in Dash's wire shape: {@code {"operation": "Assign", "location": [...], "params": {...}}}. */
    public record Operation(String operation, List<Object> location, Map<String, Object> params) {
    }

    private final List<Operation> operations = new ArrayList<>();

    /** How Dash's renderer tells a patch from a value. */
    @JsonbProperty("__dash_patch_update")
    public String getMarker() {
        return "__dash_patch_update";
    }

    public List<Operation> getOperations() {
        return Collections.unmodifiableList(operations);
    }

    /** The place in the value at these keys, where the next operation applies; no keys: the value itself. */
    public Location at(Object... keys) {
        return new Location(List.of(keys));
    }

    /** A place in the patched value. Each operation on it is added to the patch. */
    public final class Location {

        private final List<Object> path;

        private Location(List<Object> path) {
            for (Object key : path) {
                if (!(key instanceof String) && !(key instanceof Integer)) {
                    throw new IllegalArgumentException("a patch key is a String or an Integer index, not " + key);
                }
            }
            this.path = path;
        }

        /** A place further in. */
        public Location at(Object... keys) {
            var longer = new ArrayList<>(path);
            longer.addAll(Arrays.asList(keys));
            return new Location(longer);
        }

        /** {@code patched[key] = value}. */
        public Patch assign(Object value) {
            return add("Assign", value(value));
        }

        /** {@code del patched[key]}. */
        public Patch delete() {
            return add("Delete", Map.of());
        }

        /** {@code patched[key] += value}: numbers add, lists concatenate. */
        public Patch add(Object value) {
            return add("Add", value(value));
        }

        /** {@code patched[key] -= value}. */
        public Patch sub(Object value) {
            return add("Sub", value(value));
        }

        /** {@code patched[key] *= value}. */
        public Patch mul(Object value) {
            return add("Mul", value(value));
        }

        /** {@code patched[key] /= value}. */
        public Patch div(Object value) {
            return add("Div", value(value));
        }

        /** {@code patched[key].append(value)}. */
        public Patch append(Object value) {
            return add("Append", value(value));
        }

        /** {@code patched[key].prepend(value)}. */
        public Patch prepend(Object value) {
            return add("Prepend", value(value));
        }

        /** {@code patched[key].insert(index, value)}. */
        public Patch insert(int index, Object value) {
            var params = new LinkedHashMap<String, Object>();
            params.put("index", index);
            params.put("value", value);
            return add("Insert", params);
        }

        /** {@code patched[key].extend(values)}. */
        public Patch extend(List<?> values) {
            return add("Extend", value(values));
        }

        /** {@code patched[key].remove(value)}: the first item equal to it. */
        public Patch remove(Object value) {
            return add("Remove", value(value));
        }

        /** {@code patched[key].update(values)}: the keys of {@code values} merged into the map there. */
        public Patch merge(Map<String, ?> values) {
            return add("Merge", value(values));
        }

        /** {@code patched[key].clear()}. */
        public Patch clear() {
            return add("Clear", Map.of());
        }

        /** {@code patched[key].reverse()}. */
        public Patch reverse() {
            return add("Reverse", Map.of());
        }

        private static Map<String, Object> value(Object value) {
            var params = new LinkedHashMap<String, Object>();
            params.put("value", value); // null is Dash's None
            return params;
        }

        private Patch add(String operation, Map<String, Object> params) {
            operations.add(new Operation(operation, path, params));
            return Patch.this;
        }
    }
}
