package io.jdash.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdash.codegen.node.Extractor;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A suite's browser files (the fixture package's dist/): copied under META-INF/jdash/components/<npm package>/,
 * each with a gzipped twin, and listed in component-suites.json; a suite of files only writes no Java. Needs no
 * Node: nothing here is extracted.
 */
class SuiteBrowserFilesTest {

    @TempDir
    Path work;

    private Path fixture;
    private Path javaOut;
    private Path resources;

    @BeforeEach
    void paths() throws URISyntaxException {
        fixture = Path.of(SuiteBrowserFilesTest.class.getResource("/fixture-suite/package.json").toURI()).getParent();
        javaOut = work.resolve("java");
        resources = work.resolve("resources");
    }

    private Suite filesOnly() {
        var suite = new Suite();
        suite.npmPackage = "fixture-suite";
        suite.version = "1.2.3";
        suite.packageDir = fixture.toFile();
        suite.scripts = "dist/fixture.min.js";
        suite.stylesheets = "dist/css/fixture.css";
        suite.files = "dist/async-*.js";
        return suite;
    }

    private SuiteGenerator.Result generate(Suite suite) throws IOException {
        var generator = new SuiteGenerator(new Extractor(work.resolve("extractor")), work, "test", new SystemStreamLog());
        return generator.generate(suite, javaOut, resources, new GeneratedFiles());
    }

    private Path served(String path) {
        return resources.resolve("META-INF/jdash/components/" + path);
    }

    @Test
    void namedFilesAreCopiedUnderTheNpmPackagesName() throws IOException {
        generate(filesOnly());

        for (String path : List.of("dist/fixture.min.js", "dist/css/fixture.css", "dist/async-chunk.js")) {
            assertArrayEquals(Files.readAllBytes(fixture.resolve(path)), Files.readAllBytes(served("fixture-suite/" + path)), path);
        }
        assertFalse(Files.exists(served("fixture-suite/package.json")), "only the named files are served");
    }

    @Test
    void eachFileHasAGzippedTwinWithTheSameBytesMadeTheSameWayEachTime() throws IOException {
        generate(filesOnly());
        Path twin = served("fixture-suite/dist/fixture.min.js.gz");
        byte[] first = Files.readAllBytes(twin);

        try (InputStream in = new GZIPInputStream(Files.newInputStream(twin))) {
            assertArrayEquals(Files.readAllBytes(fixture.resolve("dist/fixture.min.js")), in.readAllBytes());
        }
        Files.delete(twin);
        generate(filesOnly());
        assertArrayEquals(first, Files.readAllBytes(twin), "deterministic: no time stamp in the gzip header");
        assertTrue(Files.exists(served("fixture-suite/dist/async-chunk.js.gz")));
        assertTrue(Files.exists(served("fixture-suite/dist/css/fixture.css.gz")));
    }

    @Test
    void theManifestListsScriptsAndStylesheetsButNotTheOtherFiles() throws IOException {
        var entry = generate(filesOnly()).entry();
        String json = new SuiteManifestWriter().write(List.of(entry));
        JsonObject suite = Json.createReader(new StringReader(json)).readArray().getJsonObject(0);

        assertTrue(suite.isNull("namespace"), json);
        assertEquals("fixture-suite", suite.getString("npmPackage"));
        assertEquals(List.of("fixture-suite/dist/fixture.min.js"), suite.getJsonArray("scripts").getValuesAs(
                (jakarta.json.JsonString s) -> s.getString()));
        assertEquals(List.of("fixture-suite/dist/css/fixture.css"), suite.getJsonArray("stylesheets").getValuesAs(
                (jakarta.json.JsonString s) -> s.getString()));
        assertFalse(json.contains("async-chunk"), "files served but not linked are not listed: " + json);
    }

    @Test
    void aSuiteOfFilesOnlyWritesNoJava() throws IOException {
        var result = generate(filesOnly());

        assertTrue(result.components().isEmpty());
        assertFalse(Files.exists(javaOut), "no Java for a suite without namespace");
        assertFalse(Files.exists(work.resolve("extractor")), "the extractor is not even installed");
    }

    @Test
    void aFileNoLongerNamedIsRemoved() throws IOException {
        generate(filesOnly());
        Suite fewer = filesOnly();
        fewer.files = null;
        generate(fewer);

        assertFalse(Files.exists(served("fixture-suite/dist/async-chunk.js")));
        assertFalse(Files.exists(served("fixture-suite/dist/async-chunk.js.gz")));
        assertTrue(Files.exists(served("fixture-suite/dist/fixture.min.js")));
    }

    @Test
    void aScriptThePackageDoesNotHaveFailsNamingIt() {
        Suite suite = filesOnly();
        suite.scripts = "dist/missing.js";

        IOException e = assertThrows(IOException.class, () -> generate(suite));
        assertTrue(e.getMessage().contains("dist/missing.js"), e.getMessage());
    }

    @Test
    void aFacadeWithoutNamespaceIsRefused() {
        Suite suite = filesOnly();
        suite.facade = "com.example.Fx";

        var e = assertThrows(IllegalArgumentException.class, () -> generate(suite));
        assertTrue(e.getMessage().contains("namespace"), e.getMessage());
    }
}
