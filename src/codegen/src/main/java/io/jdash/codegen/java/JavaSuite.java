package io.jdash.codegen.java;

import java.util.List;
import java.util.Map;

/**
 * Where and how one suite's classes are written.
 *
 * @param facade           the facade's qualified name ({@code io.jdash.layout.Dcc})
 * @param componentPackage the package of the component classes ({@code io.jdash.layout.dcc})
 * @param description      what the suite is, for the facade's Javadoc (may be empty)
 * @param extraTypes       more parameter types for a prop's setter, by {@code Component.prop}
 *                         ({@code "Graph.figure" → ["io.jdash.layout.Figure"]})
 */
public record JavaSuite(String npmPackage, String version, String namespace, String facade, String componentPackage,
                        String description, Map<String, List<String>> extraTypes) {

    public JavaSuite {
        extraTypes = Map.copyOf(extraTypes);
    }

    public String facadePackage() {
        int dot = facade.lastIndexOf('.');
        return dot < 0 ? "" : facade.substring(0, dot);
    }

    public String facadeName() {
        return facade.substring(facade.lastIndexOf('.') + 1);
    }
}
