package io.jdash.codegen.metadata;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code children_props} of a component: the paths of the props, other than {@code children}, that hold
 * components (typed {@code node} or {@code element}), which Dash's renderer must render rather than pass as data.
 * Paths are written the way Dash's renderer reads them: {@code custom_spinner}, {@code options[].label} (a field of
 * the items of an array), {@code tabs{}.label} (a field of the values of an object), {@code a.b} (a shape's field).
 * An array of nodes is the prop itself ({@code x}, not {@code x[]}).
 */
public final class ChildrenPropsCollector {

    public List<String> collect(ComponentDoc component) {
        Set<String> paths = new LinkedHashSet<>();
        for (Prop prop : component.props()) {
            if (!prop.name().equals("children")) {
                walk(prop.type(), prop.name(), paths);
            }
        }
        return new ArrayList<>(paths);
    }

    private void walk(PropType type, String path, Set<String> paths) {
        switch (type.name()) {
            case "node", "element" -> paths.add(path);
            case "arrayOf" -> items(type.element(), path, paths);
            case "shape", "exact" -> fields(type.fields(), path, paths);
            case "union" -> type.members().forEach(member -> member(member, path, paths));
            case "objectOf" -> values(type.element(), path, paths);
            default -> {
            }
        }
    }

    private void items(PropType item, String path, Set<String> paths) {
        if (item.isNode()) {
            paths.add(path);
        } else {
            nested(item, path + "[]", paths);
        }
    }

    private void values(PropType value, String path, Set<String> paths) {
        String key = path + "{}";
        if (value.isNode()) {
            paths.add(key);
        } else {
            nested(value, key, paths);
        }
    }

    private void member(PropType member, String path, Set<String> paths) {
        if (member.isNode()) {
            paths.add(path);
        } else {
            nested(member, path, paths);
        }
    }

    /** A container under an array, an object or a union: its fields, members or items, at the same path. */
    private void nested(PropType type, String path, Set<String> paths) {
        switch (type.name()) {
            case "shape", "exact" -> fields(type.fields(), path, paths);
            case "union" -> type.members().forEach(member -> member(member, path, paths));
            case "arrayOf" -> items(type.element(), path, paths);
            case "objectOf" -> values(type.element(), path, paths);
            default -> {
            }
        }
    }

    private void fields(Map<String, Prop> fields, String base, Set<String> paths) {
        fields.forEach((name, field) -> walk(field.type(), base + "." + name, paths));
    }
}
