package io.jdash.web;

import io.jdash.json.JsonCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The component suites on the classpath, as the component generator describes them in each jar's (and the WAR's)
 * {@code META-INF/jdash/component-suites.json}: their namespaces, npm packages and versions, and the
 * {@code children_props} Dash's renderer needs (props other than {@code children} that hold components).
 */
final class ComponentSuites {

    static final String RESOURCE = "META-INF/jdash/component-suites.json";

    /** One entry of the file. */
    public record Suite(String namespace, String npmPackage, String version, Map<String, List<String>> childrenProps) {
    }

    private ComponentSuites() {
    }

    /** Every suite the class loader sees. */
    static List<Suite> load(ClassLoader loader) {
        var suites = new ArrayList<Suite>();
        try {
            for (URL url : Collections.list(loader.getResources(RESOURCE))) {
                try (InputStream in = url.openStream()) {
                    Suite[] listed = JsonCodec.fromJson(in, Suite[].class);
                    suites.addAll(List.of(listed));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE, e);
        }
        return suites;
    }

    /** {@code children_props} of {@code _dash-config}: namespace → component → props. */
    static Map<String, Map<String, List<String>>> childrenProps(List<Suite> suites) {
        var all = new LinkedHashMap<String, Map<String, List<String>>>();
        for (Suite suite : suites) {
            if (suite.childrenProps() != null && !suite.childrenProps().isEmpty()) {
                all.computeIfAbsent(suite.namespace(), ns -> new LinkedHashMap<>()).putAll(suite.childrenProps());
            }
        }
        return all;
    }
}
