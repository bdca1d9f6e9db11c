package io.jdash.codegen;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/**
 * {@code META-INF/jdash/component-suites.json}: for each suite its namespace, npm package and version, and the
 * {@code childrenProps} of its components (only those that have some), as Dash's renderer takes them:
 * <pre>{@code [{"namespace": "dash_core_components", "npmPackage": "dash-core-components", "version": "4.5.0",
 *   "childrenProps": {"Loading": ["custom_spinner"], "Dropdown": ["options[].label"]}}]}</pre>
 */
final class SuiteManifestWriter {

    /** One suite's entry. */
    record Entry(String namespace, String npmPackage, String version, Map<String, List<String>> childrenProps) {
    }

    String write(List<Entry> entries) {
        JsonArrayBuilder suites = Json.createArrayBuilder();
        for (Entry entry : entries) {
            JsonObjectBuilder children = Json.createObjectBuilder();
            entry.childrenProps().forEach((component, props) -> {
                if (!props.isEmpty()) {
                    children.add(component, Json.createArrayBuilder(props));
                }
            });
            suites.add(Json.createObjectBuilder()
                    .add("namespace", entry.namespace())
                    .add("npmPackage", entry.npmPackage())
                    .add("version", entry.version())
                    .add("childrenProps", children));
        }
        var out = new StringWriter();
        try (var writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
            writer.writeArray(suites.build());
        }
        return out.toString().strip() + "\n";
    }
}
