package io.jdash.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One node of a layout, as Dash has it: a component {@code type} from a {@code namespace}, an optional
 * {@code id}, its props and its children. Immutable: every setter returns a new component, so a layout can be
 * built as one expression:
 *
 * <pre>{@code
 * Html.Div(
 *     Html.P("Button not clicked").id("paragraph_id"),
 *     Dcc.Dropdown().id("city").options(List.of("NYC", "MTL")).value("NYC"))
 * }</pre>
 *
 * The suites' components ({@code Html.Div}, {@code Dcc.Dropdown}, …) are generated subclasses with one typed
 * setter per prop; {@link #prop(String, Object)} sets any prop by name, as Dash lets you. A subclass keeps its
 * type through every setter by overriding {@link #copy(Object, Map, List)}. A child is another component, a
 * string or a number; an id is a string or, for pattern-matching callbacks, a map ({@code {"type": "row",
 * "index": 1}}).
 */
public class Component {

    private final String type;
    private final String namespace;
    private final Object id;
    private final Map<String, Object> props;
    /** {@code null} when never given (Dash's {@code children=None}); an empty list when given as none. */
    private final List<Object> children;

    protected Component(String type, String namespace, Object id, Map<String, Object> props, List<?> children) {
        this.type = ScriptNames.requireUsable("component type", Objects.requireNonNull(type, "type"));
        this.namespace = ScriptNames.requireUsable("component namespace", Objects.requireNonNull(namespace, "namespace"));
        checkId(id);
        this.id = id instanceof Map<?, ?> map ? Collections.unmodifiableMap(new LinkedHashMap<>(map)) : id;
        var copy = new LinkedHashMap<String, Object>(props == null ? Map.of() : props);
        if (copy.containsKey("id") || copy.containsKey("children")) {
            throw new IllegalArgumentException("'id' and 'children' are not plain props: use id(..) and children(..)");
        }
        copy.keySet().forEach(name -> ScriptNames.requireUsable("prop name", name));
        this.props = Collections.unmodifiableMap(copy);
        if (children != null) {
            children.forEach(Component::checkChild); // before List.copyOf, which would throw a bare NPE on a null child
        }
        this.children = children == null ? null : List.copyOf(children);
    }

    /** A component of any suite by name, with no props and the given children: {@code Component.of("Div", "dash_html_components")}. */
    public static Component of(String type, String namespace, Object... children) {
        return new Component(type, namespace, null, Map.of(), children.length == 0 ? null : listOf(children));
    }

    /**
     * The same component with other id, props and children. Each generated component class overrides this to
     * return its own type, so that its setters can too.
     */
    protected Component copy(Object newId, Map<String, Object> newProps, List<Object> newChildren) {
        return new Component(type, namespace, newId, newProps, newChildren);
    }

    public String type() {
        return type;
    }

    public String namespace() {
        return namespace;
    }

    /** The id: a {@code String}, a {@code Map} (a pattern-matching id) or {@code null}. */
    public Object id() {
        return id;
    }

    /** The props other than {@code id} and {@code children}, in the order they were set. */
    public Map<String, Object> props() {
        return props;
    }

    /** The children; empty when there are none. */
    public List<Object> children() {
        return children == null ? List.of() : children;
    }

    /**
     * Whether children were given, even none ({@code children=[]} in Dash, which the browser can then append to with
     * a {@code Patch}); a component made without any has {@code children=None}.
     */
    public boolean hasChildrenProp() {
        return children != null;
    }

    public Component id(String newId) {
        return copy(newId, props, children);
    }

    /** A pattern-matching id, Dash's dict id: {@code id(Map.of("type", "row", "index", 3))}. */
    public Component id(Map<String, ?> newId) {
        return copy(newId, props, children);
    }

    /** Sets any prop by name, as Dash lets you; {@code null} removes it. */
    public Component prop(String name, Object value) {
        switch (name) {
            case "id" -> {
                checkId(value);
                return copy(value, props, children);
            }
            case "children" -> {
                if (value == null) {
                    return copy(id, props, null);
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
                return copy(id, copy, children);
            }
        }
    }

    /**
     * Replaces the children, given one by one or as one {@code List} (as Dash's {@code html.Div([...])}); an empty list
     * is Dash's {@code children=[]}, which a {@code Patch} can append to.
     */
    public Component children(Object... newChildren) {
        return copy(id, props, listOf(newChildren));
    }

    /** The children as given: one List stands for its items. */
    private static List<Object> listOf(Object[] children) {
        if (children.length == 1 && children[0] instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        return Arrays.asList(children);
    }

    /** The CSS {@code style}, with React's camelCase keys as in Dash: {@code Map.of("visibility", "hidden")}. */
    public Component style(Map<String, ?> style) {
        return prop("style", style);
    }

    public Component className(String className) {
        return prop("className", className);
    }

    /** The value of a prop, {@code id} and {@code children} included; {@code null} when unset. */
    public Object get(String name) {
        return switch (name) {
            case "id" -> id;
            case "children" -> children;
            default -> props.get(name);
        };
    }

    /**
     * This component and the components below it (children and components held by other props), each with the props
     * {@code propsOf} gives it set on it ({@code null} values remove a prop): the running values of a job on the
     * components a callback's result shows again, for instance.
     */
    public Component withProps(Function<Component, Map<String, Object>> propsOf) {
        var newProps = new LinkedHashMap<String, Object>();
        props.forEach((name, value) -> newProps.put(name, withPropsIn(value, propsOf)));
        List<Object> newChildren = children == null ? null
                : children.stream().map(child -> withPropsIn(child, propsOf)).toList();
        Component changed = copy(id, newProps, newChildren);
        Map<String, Object> extra = propsOf.apply(this);
        if (extra != null) {
            for (Map.Entry<String, Object> prop : extra.entrySet()) {
                changed = changed.prop(prop.getKey(), prop.getValue());
            }
        }
        return changed;
    }

    /** {@link #withProps} on a value that may be a component or a list of them (any other value is returned as is). */
    public static Object withPropsIn(Object value, Function<Component, Map<String, Object>> propsOf) {
        if (value instanceof Component component) {
            return component.withProps(propsOf);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> withPropsIn(item, propsOf)).toList();
        }
        return value;
    }

    /** This component and every component below it (children and components held by other props), depth first. */
    public List<Component> descendantsAndSelf() {
        var all = new ArrayList<Component>();
        collect(this, all);
        return all;
    }

    private static void collect(Object value, List<Component> into) {
        if (value instanceof Component component) {
            into.add(component);
            component.props.values().forEach(v -> collect(v, into));
            component.children().forEach(child -> collect(child, into));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collect(v, into));
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> collect(v, into));
        }
    }

    private static void checkId(Object id) {
        if (id != null && !(id instanceof String) && !(id instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("an id is a String or a Map (a pattern-matching id), not "
                    + id.getClass().getName());
        }
        if (id instanceof String text) {
            ScriptNames.requireUsable("component id", text);
        } else if (id instanceof Map<?, ?> map) {
            map.keySet().forEach(key -> ScriptNames.requireUsable("key of a dict id", String.valueOf(key)));
        }
    }

    private static void checkChild(Object child) {
        if (!(child instanceof Component || child instanceof CharSequence || child instanceof Number)) {
            throw new IllegalArgumentException("a child must be a Component, a String or a Number, not "
                    + (child == null ? "null" : child.getClass().getName()));
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Component c && c.getClass() == getClass() && type.equals(c.type)
                && namespace.equals(c.namespace) && Objects.equals(id, c.id) && props.equals(c.props)
                && Objects.equals(children, c.children);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, namespace, id, props, children);
    }

    @Override
    public String toString() {
        return namespace + "." + type + (id == null ? "" : "#" + id) + props + children();
    }
}
