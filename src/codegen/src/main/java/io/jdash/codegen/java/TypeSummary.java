package io.jdash.codegen.java;

import io.jdash.codegen.metadata.Prop;
import io.jdash.codegen.metadata.PropType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A prop type in words for the Javadoc ({@code string | number}, {@code list of dicts}, {@code component}), and
 * the fields of a shape (or of the items of an array of shapes) as a Javadoc list.
 */
final class TypeSummary {

    private TypeSummary() {
    }

    static String of(PropType type) {
        return switch (type.name()) {
            case "string" -> "string";
            case "number" -> "number";
            case "bool" -> "boolean";
            case "node", "element" -> "component";
            case "object", "objectOf", "shape", "exact" -> "dict";
            case "array" -> "list";
            case "arrayOf" -> "list of " + plural(of(type.element()));
            case "enum" -> String.join(" | ", type.literals());
            case "union" -> type.members().stream().map(TypeSummary::of)
                    .collect(Collectors.toCollection(LinkedHashSet::new)).stream().collect(Collectors.joining(" | "));
            default -> "any";
        };
    }

    private static String plural(String noun) {
        return noun.contains(" ") || noun.endsWith("s") ? "(" + noun + ")" : noun + "s";
    }

    /** The fields a prop's value has: its own (a shape) or its items' (an array of shapes); empty otherwise. */
    static Map<String, Prop> fields(PropType type) {
        if (type.isShape()) {
            return type.fields();
        }
        if (type.name().equals("arrayOf") && type.element().isShape()) {
            return type.element().fields();
        }
        return Map.of();
    }

    /** The fields as Javadoc: {@code <ul><li>{@code id} (string; required): The column's id.</li>…</ul>}. */
    static List<String> fieldList(Map<String, Prop> fields) {
        var lines = new ArrayList<String>();
        lines.add("<ul>");
        fields.forEach((name, field) -> {
            var text = new ArrayList<>(JavadocText.lines(field.description()));
            String head = "<li>" + JavadocText.code(name) + " (" + JavadocText.escape(of(field.type()))
                    + (field.required() ? "; required" : "") + ")" + (text.isEmpty() ? "" : ": " + text.remove(0));
            lines.add(head);
            lines.addAll(text.stream().map(l -> l.isEmpty() ? l : "    " + l).toList());
            lines.set(lines.size() - 1, lines.get(lines.size() - 1) + "</li>");
        });
        lines.add("</ul>");
        return lines;
    }
}
