package io.jdash.codegen.metadata;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Dash's {@code metadata.json} shape: {@code {"<file>": {"displayName", "description", "props": {"<name>":
 * {"type" | "tsType" | "flowType", "required", "description", "defaultValue": {"value"}}}}}}. Components come back
 * sorted by name; a prop typed only by {@code tsType} or {@code flowType} reads as {@code any}.
 */
public final class MetadataReader {

    public List<ComponentDoc> read(Path metadataJson) throws IOException {
        try (Reader reader = Files.newBufferedReader(metadataJson)) {
            return read(Json.createReader(reader).readObject());
        }
    }

    public List<ComponentDoc> read(JsonObject metadata) {
        var components = new ArrayList<ComponentDoc>();
        for (var entry : metadata.entrySet()) {
            var component = entry.getValue().asJsonObject();
            String name = component.getString("displayName", baseName(entry.getKey()));
            var props = new ArrayList<Prop>();
            component.getJsonObject("props").forEach((propName, value) -> props.add(prop(propName, value.asJsonObject())));
            components.add(new ComponentDoc(name, component.getString("description", ""), props));
        }
        components.sort(Comparator.comparing(ComponentDoc::name));
        return components;
    }

    private static Prop prop(String name, JsonObject json) {
        JsonObject type = json.getJsonObject("type");
        String defaultValue = null;
        if (json.get("defaultValue") instanceof JsonObject dv && dv.get("value") instanceof JsonString value) {
            defaultValue = value.getString();
        }
        return new Prop(name, type == null ? PropType.simple("any") : type(type), json.getBoolean("required", false),
                json.getString("description", ""), defaultValue);
    }

    /** A type object; shape fields carry their type inline ({@code {"name": "string", "required": true}}). */
    private static PropType type(JsonObject json) {
        String name = json.getString("name", "any");
        JsonValue value = json.get("value");
        switch (name) {
            case "arrayOf", "objectOf" -> {
                return new PropType(name, value instanceof JsonObject o ? type(o) : PropType.simple("any"),
                        List.of(), Map.of(), List.of());
            }
            case "union" -> {
                var members = new ArrayList<PropType>();
                if (value instanceof JsonArray array) {
                    array.forEach(v -> members.add(type(v.asJsonObject())));
                }
                return new PropType(name, null, members, Map.of(), List.of());
            }
            case "shape", "exact" -> {
                var fields = new LinkedHashMap<String, Prop>();
                if (value instanceof JsonObject object) {
                    object.forEach((field, v) -> fields.put(field, field(field, v.asJsonObject())));
                }
                return new PropType(name, null, List.of(), fields, List.of());
            }
            case "enum" -> {
                var literals = new ArrayList<String>();
                if (value instanceof JsonArray array) {
                    array.forEach(v -> literals.add(v instanceof JsonObject o ? o.getString("value", "") : v.toString()));
                }
                return new PropType(name, null, List.of(), Map.of(), literals);
            }
            default -> {
                return PropType.simple(name);
            }
        }
    }

    private static Prop field(String name, JsonObject json) {
        // react-docgen nests a recursive shape's type under "type"; otherwise the field is the type itself
        JsonObject type = json.get("type") instanceof JsonObject nested ? nested : json;
        return new Prop(name, type(type), json.getBoolean("required", false), json.getString("description", ""), null);
    }

    private static String baseName(String file) {
        String last = file.substring(file.lastIndexOf('/') + 1);
        int dot = last.indexOf('.');
        return dot < 0 ? last : last.substring(0, dot);
    }
}
