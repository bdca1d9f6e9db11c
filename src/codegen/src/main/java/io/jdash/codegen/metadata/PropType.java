package io.jdash.codegen.metadata;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A prop's type in PropTypes' vocabulary, as Dash's metadata writes it: {@code name} is {@code string},
 * {@code number}, {@code bool}, {@code node}, {@code element}, {@code any}, {@code object}, {@code array},
 * {@code func}, {@code arrayOf}, {@code objectOf}, {@code shape}, {@code exact}, {@code union} or {@code enum}.
 *
 * @param element  the element type of {@code arrayOf} and {@code objectOf}, else {@code null}
 * @param members  the member types of a {@code union}, else empty
 * @param fields   the fields of a {@code shape} or {@code exact}, in order, else empty
 * @param literals the values of an {@code enum} as written in the source ({@code 'a'}, {@code 3}), else empty
 */
public record PropType(String name, PropType element, List<PropType> members, Map<String, Prop> fields,
                       List<String> literals) {

    public PropType {
        members = List.copyOf(members);
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        literals = List.copyOf(literals);
    }

    public static PropType simple(String name) {
        return new PropType(name, null, List.of(), Map.of(), List.of());
    }

    public boolean isNode() {
        return name.equals("node") || name.equals("element");
    }

    public boolean isShape() {
        return name.equals("shape") || name.equals("exact");
    }
}
