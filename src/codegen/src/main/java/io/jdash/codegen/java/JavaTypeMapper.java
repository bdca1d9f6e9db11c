package io.jdash.codegen.java;

import io.jdash.codegen.metadata.PropType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The Java parameter types of a prop's setter, where Java can say it: {@code string} is {@code String},
 * {@code number} {@code Number}, {@code bool} {@code boolean}, arrays {@code List<?>}, objects and shapes
 * {@code Map<String, ?>}; nodes, {@code any} and mixed unions are {@code Object}. A union of those simple types
 * gives one overload per member type (a {@code string | number} prop takes a {@code String} or a {@code Number});
 * an enum of string literals is a {@code String}.
 */
public final class JavaTypeMapper {

    private static final Set<String> NOT_SETTABLE = Set.of("func", "symbol", "instanceOf", "null", "undefined");

    /** Maps a simple name ({@code Map}) to how the generated file must write it (qualified where it is taken). */
    private final UnaryOperator<String> qualify;

    public JavaTypeMapper(UnaryOperator<String> qualify) {
        this.qualify = qualify;
    }

    /** Whether a setter can be written at all: functions and instances cannot come from the server. */
    public boolean isSettable(PropType type) {
        return !NOT_SETTABLE.contains(type.name());
    }

    /** The parameter types, one per overload, most specific first. */
    public List<String> parameterTypes(PropType type) {
        if (!type.name().equals("union")) {
            return List.of(simple(type));
        }
        Set<String> types = new LinkedHashSet<>();
        for (PropType member : type.members()) {
            if (isSettable(member)) {
                types.add(simple(member));
            }
        }
        String object = qualify.apply("Object");
        if (types.isEmpty() || types.contains(object)) {
            return List.of(object);
        }
        return new ArrayList<>(types);
    }

    private String simple(PropType type) {
        return switch (type.name()) {
            case "string" -> qualify.apply("String");
            case "number" -> qualify.apply("Number");
            case "bool" -> "boolean";
            case "array", "arrayOf" -> qualify.apply("List") + "<?>";
            case "object", "objectOf", "shape", "exact" -> qualify.apply("Map") + "<" + qualify.apply("String") + ", ?>";
            case "enum" -> enumType(type);
            default -> qualify.apply("Object");
        };
    }

    private String enumType(PropType type) {
        if (!type.literals().isEmpty() && type.literals().stream().allMatch(JavaTypeMapper::isStringLiteral)) {
            return qualify.apply("String");
        }
        if (!type.literals().isEmpty() && type.literals().stream().allMatch(l -> l.matches("-?[0-9.]+"))) {
            return qualify.apply("Number");
        }
        return qualify.apply("Object");
    }

    /** The string values a prop allows, for the Javadoc: {@code "a" | "b"}; empty when it allows any. */
    public static List<String> allowedStrings(PropType type) {
        var values = new ArrayList<String>();
        if (type.name().equals("enum")) {
            type.literals().stream().filter(JavaTypeMapper::isStringLiteral)
                    .forEach(l -> values.add("\"" + l.substring(1, l.length() - 1) + "\""));
        } else if (type.name().equals("union")) {
            type.members().forEach(m -> values.addAll(allowedStrings(m)));
        }
        return values;
    }

    private static boolean isStringLiteral(String literal) {
        return literal.length() >= 2 && (literal.startsWith("'") && literal.endsWith("'")
                || literal.startsWith("\"") && literal.endsWith("\""));
    }
}
