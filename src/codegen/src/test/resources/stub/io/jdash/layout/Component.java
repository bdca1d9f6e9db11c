package io.jdash.layout;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The API of the framework's Component that generated classes use, to compile them in the generator's tests. */
public class Component {

    protected Component(String type, String namespace, Object id, Map<String, Object> props, List<?> children) {
    }

    protected Component copy(Object newId, Map<String, Object> newProps, List<Object> newChildren) {
        return this;
    }

    public String type() {
        return null;
    }

    public Component id(String newId) {
        return copy(newId, Map.of(), List.of());
    }

    public Component id(Map<String, ?> newId) {
        return copy(newId, Map.of(), List.of());
    }

    public Component prop(String name, Object value) {
        return copy(null, Map.of(), List.of());
    }

    public Component children(Object... newChildren) {
        return copy(null, Map.of(), Arrays.asList(newChildren));
    }

    public Component style(Map<String, ?> style) {
        return prop("style", style);
    }

    public Component className(String className) {
        return prop("className", className);
    }
}
