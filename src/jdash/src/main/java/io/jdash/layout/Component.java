package io.jdash.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One node of a layout, as Dash has it: a component {@code type} from a {@code namespace}, an optional
 * {@code id}, its props and its children. Immutable: every "with" method returns a new component, so a
 * layout can be built as one expression:
 *
 * <pre>{@code
 * Html.Div(
 *     Html.P("Button not clicked").id("paragraph_id"),
 *     Html.Button("Run Job!").id("button_id"))
 * }</pre>
 *
 * Props are open, as in Dash ({@link #prop(String, Object)} sets any prop by name); the common ones have
 * typed methods. A child is another component, a string or a number.
 */
public record Component(String type, String namespace, String id, Map<String, Object> props, List<Object> children) {

    public Component {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(namespace, "namespace");
        props = Collections.unmodifiableMap(new LinkedHashMap<>(props == null ? Map.of() : props));
        if (props.containsKey("id") || props.containsKey("children")) {
            throw new IllegalArgumentException("'id' and 'children' are not plain props: use id(..) and children(..)");
        }
        children = children == null ? List.of() : children;
        children.forEach(Component::checkChild); // before List.copyOf, which would throw a bare NPE on a null child
        children = List.copyOf(children);
    }

    /** A component with no props and the given children. */
    public static Component of(String type, String namespace, Object... children) {
        return new Component(type, namespace, null, Map.of(), Arrays.asList(children));
    }

    public Component id(String newId) {
        return new Component(type, namespace, newId, props, children);
    }

    /** Sets any prop by name, as Dash lets you; {@code null} removes it. */
    public Component prop(String name, Object value) {
        switch (name) {
            case "id" -> { return id((String) value); }
            case "children" -> {
                if (value == null) {
                    return children(new Object[0]);
                }
                return value instanceof List<?> list ? children(list.toArray()) : children(value);
            }
            default -> {
                var copy = new LinkedHashMap<>(props);
                if (value == null) {
                    copy.remove(name);
                } else {
                    copy.put(name, value);
                }
                return new Component(type, namespace, id, copy, children);
            }
        }
    }

    /** Replaces the children. */
    public Component children(Object... newChildren) {
        return new Component(type, namespace, id, props, Arrays.asList(newChildren));
    }

    /** The CSS {@code style}, with React's camelCase keys as in Dash: {@code Map.of("visibility", "hidden")}. */
    public Component style(Map<String, ?> style) {
        return prop("style", style);
    }

    public Component className(String className) {
        return prop("className", className);
    }

    public Component disabled(boolean disabled) {
        return prop("disabled", disabled);
    }

    public Component value(Object value) {
        return prop("value", value);
    }

    public Component nClicks(int nClicks) {
        return prop("n_clicks", nClicks);
    }

    /** The value of a prop, {@code id} and {@code children} included; {@code null} when unset. */
    public Object get(String name) {
        return switch (name) {
            case "id" -> id;
            case "children" -> children.isEmpty() ? null : children;
            default -> props.get(name);
        };
    }

    /** This component and every component below it, depth first. */
    public List<Component> descendantsAndSelf() {
        var all = new ArrayList<Component>();
        collect(this, all);
        return all;
    }

    private static void collect(Component component, List<Component> into) {
        into.add(component);
        for (Object child : component.children) {
            if (child instanceof Component c) {
                collect(c, into);
            }
        }
    }

    private static void checkChild(Object child) {
        if (!(child instanceof Component || child instanceof CharSequence || child instanceof Number)) {
            throw new IllegalArgumentException("a child must be a Component, a String or a Number, not "
                    + (child == null ? "null" : child.getClass().getName()));
        }
    }
}
