package io.jdash.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading every META-INF/jdash/component-suites.json a class loader sees, new entries and old ones alike. */
class ComponentSuitesTest {

    private static final String DASH_SUITE = """
            [{"namespace": "dash_core_components", "npmPackage": "dash-core-components", "version": "4.5.0",
              "childrenProps": {"Loading": ["custom_spinner"]}}]
            """;
    private static final String ADDED_SUITES = """
            [{"namespace": "dash_bootstrap_components", "npmPackage": "dash-bootstrap-components", "version": "1.6.0",
              "childrenProps": {"Tab": ["label"]},
              "scripts": ["dash-bootstrap-components/dist/dash_bootstrap_components.min.js"]},
             {"namespace": null, "npmPackage": "bootstrap", "version": "5.3.3", "childrenProps": {},
              "stylesheets": ["bootstrap/dist/css/bootstrap.min.css"]}]
            """;

    @TempDir
    Path dir;

    private ClassLoader loaderOf(String... files) throws IOException {
        var urls = new URL[files.length];
        for (int i = 0; i < files.length; i++) {
            Path root = dir.resolve("root" + i);
            Path file = root.resolve(ComponentSuites.RESOURCE);
            Files.createDirectories(file.getParent());
            Files.writeString(file, files[i]);
            urls[i] = root.toUri().toURL();
        }
        return new URLClassLoader(urls, null);
    }

    @Test
    void scriptsAndStylesheetsOfAddedSuitesAreRead() throws IOException {
        var suites = ComponentSuites.load(loaderOf(DASH_SUITE, ADDED_SUITES));

        assertEquals(3, suites.size());
        assertEquals(List.of("dash-bootstrap-components/dist/dash_bootstrap_components.min.js"),
                ComponentSuites.scripts(suites));
        assertEquals(List.of("bootstrap/dist/css/bootstrap.min.css"), ComponentSuites.stylesheets(suites));
        assertEquals(Set.of("dash_core_components", "dash_bootstrap_components"), ComponentSuites.namespaces(suites),
                "a suite of files only has no namespace");
        assertEquals(Map.of("dash_core_components", Map.of("Loading", List.of("custom_spinner")),
                "dash_bootstrap_components", Map.of("Tab", List.of("label"))), ComponentSuites.childrenProps(suites));
    }

    @Test
    void anEntryOfAnOlderFileWithoutScriptsOrStylesheetsHasEmptyLists() throws IOException {
        var suite = ComponentSuites.load(loaderOf(DASH_SUITE)).get(0);

        assertEquals("dash-core-components", suite.npmPackage());
        assertEquals(List.of(), suite.scripts());
        assertEquals(List.of(), suite.stylesheets());
        assertEquals(List.of("custom_spinner"), suite.childrenProps().get("Loading"));
    }

    @Test
    void aSuiteListedInTwoFilesLoadsItsScriptOnce() throws IOException {
        var suites = ComponentSuites.load(loaderOf(ADDED_SUITES, ADDED_SUITES));

        assertEquals(1, ComponentSuites.scripts(suites).size());
    }

    @Test
    void aBrokenFileFailsNamingItsUrl() throws IOException {
        ClassLoader loader = loaderOf(DASH_SUITE, "{\"namespace\": ");

        var e = assertThrows(IllegalStateException.class, () -> ComponentSuites.load(loader));
        assertTrue(e.getMessage().contains("root1/" + ComponentSuites.RESOURCE), e.getMessage());
    }
}
