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
 * {@code childrenProps} of its components (only those that have some), as Dash's renderer takes them, and for a
 * suite an app adds the {@code scripts} and {@code stylesheets} its page loads (under {@code _dash-component-suites/}):
 * <pre>{@code [{"namespace": "dash_core_components", "npmPackage": "dash-core-components", "version": "4.5.0",
 *   "childrenProps": {"Loading": ["custom_spinner"], "Dropdown": ["options[].label"]}},
 *  {"namespace": null, "npmPackage": "bootstrap", "version": "5.3.3", "childrenProps": {},
 *   "stylesheets": ["bootstrap/dist/css/bootstrap.min.css"]}]}</pre>
 * A suite of files only (a stylesheet package) has the namespace {@code null}; lists that would be empty are left out.
 */
final class SuiteManifestWriter {

    /** One suite's entry. */
    record Entry(String namespace, String npmPackage, String version, Map<String, List<String>> childrenProps,
                 List<String> scripts, List<String> stylesheets) {
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
            JsonObjectBuilder suite = Json.createObjectBuilder();
            if (entry.namespace() == null) {
                suite.addNull("namespace");
            } else {
                suite.add("namespace", entry.namespace());
            }
            suite.add("npmPackage", entry.npmPackage())
                    .add("version", entry.version())
                    .add("childrenProps", children);
            if (!entry.scripts().isEmpty()) {
                suite.add("scripts", Json.createArrayBuilder(entry.scripts()));
            }
            if (!entry.stylesheets().isEmpty()) {
                suite.add("stylesheets", Json.createArrayBuilder(entry.stylesheets()));
            }
            suites.add(suite);
        }
        var out = new StringWriter();
        try (var writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
            writer.writeArray(suites.build());
        }
        return out.toString().strip() + "\n";
    }
}
