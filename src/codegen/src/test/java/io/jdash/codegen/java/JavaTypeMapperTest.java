package io.jdash.codegen.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.jdash.codegen.metadata.PropType;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class JavaTypeMapperTest {

    private final JavaTypeMapper mapper = new JavaTypeMapper(UnaryOperator.identity());

    private static PropType union(PropType... members) {
        return new PropType("union", null, List.of(members), Map.of(), List.of());
    }

    private static PropType enumOf(String... literals) {
        return new PropType("enum", null, List.of(), Map.of(), List.of(literals));
    }

    @Test
    void simpleTypesMapToTheirJavaTypes() {
        assertEquals(List.of("String"), mapper.parameterTypes(PropType.simple("string")));
        assertEquals(List.of("Number"), mapper.parameterTypes(PropType.simple("number")));
        assertEquals(List.of("boolean"), mapper.parameterTypes(PropType.simple("bool")));
        assertEquals(List.of("Object"), mapper.parameterTypes(PropType.simple("node")));
        assertEquals(List.of("Map<String, ?>"), mapper.parameterTypes(PropType.simple("shape")));
        assertEquals(List.of("List<?>"),
                mapper.parameterTypes(new PropType("arrayOf", PropType.simple("node"), List.of(), Map.of(), List.of())));
    }

    @Test
    void enumsOfStringsAreStringsAndListTheirValues() {
        assertEquals(List.of("String"), mapper.parameterTypes(enumOf("'a'", "'b'")));
        assertEquals(List.of("\"a\"", "\"b\""), JavaTypeMapper.allowedStrings(enumOf("'a'", "'b'")));
    }

    @Test
    void unionsOfSimpleTypesAreOverloadsAndUnionsWithANodeAreObject() {
        assertEquals(List.of("String", "Number"),
                mapper.parameterTypes(union(PropType.simple("string"), PropType.simple("number"))));
        assertEquals(List.of("Object"), mapper.parameterTypes(union(PropType.simple("string"), PropType.simple("node"))));
    }

    @Test
    void functionsCannotBeSet() {
        assertFalse(mapper.isSettable(PropType.simple("func")));
    }
}
