package io.jdash.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdash.codegen.node.Extractor;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole generator on a fixture suite (src/test/resources/fixture-suite): the bundled extractor (installed
 * once with npm ci) reads a propTypes component (Card.react.js) and a TypeScript one (Badge.tsx), then the
 * classes, the facade and the children_props are checked, and the classes compile against a stub Component.
 */
class FixtureSuiteTest {

    private static Path out;
    private static Path resources;
    private static SuiteGenerator.Result result;

    @BeforeAll
    static void generate() throws IOException, URISyntaxException {
        Path work = Path.of(System.getProperty("jdash.codegen.work", "target/test-work"));
        Path fixture = Path.of(FixtureSuiteTest.class.getResource("/fixture-suite/package.json").toURI()).getParent();
        var extractor = new Extractor(work.resolve("extractor"));
        extractor.install();
        out = work.resolve("generated");
        deleteTree(out);
        deleteTree(work.resolve("fixture_suite"));
        var suite = new Suite();
        suite.npmPackage = "fixture-suite";
        suite.version = "1.2.3";
        suite.packageDir = fixture.toFile();
        suite.namespace = "fixture_suite";
        suite.facade = "io.jdash.fixture.Fx";
        suite.componentPackage = "io.jdash.fixture.fx";
        suite.sources = "src/components/*.react.js,src/components/*.tsx";
        suite.description = "A `fixture` suite.";
        suite.scripts = "dist/fixture.min.js";
        resources = work.resolve("generated-resources");
        deleteTree(resources);
        result = new SuiteGenerator(extractor, work, "test", new SystemStreamLog())
                .generate(suite, out, resources, new GeneratedFiles());
    }

    private static String source(String path) throws IOException {
        return Files.readString(out.resolve(path));
    }

    @Test
    void propTypesComponentGetsOneTypedSetterPerProp() throws IOException {
        String card = source("io/jdash/fixture/fx/Card.java");

        assertTrue(card.contains("public final class Card extends Component {"), card);
        assertTrue(card.contains("public Card nClicks(Number nClicks) {\n        return prop(\"n_clicks\", nClicks);"));
        assertTrue(card.contains("public Card header(Object header) {"));
        assertTrue(card.contains("public Card items(List<?> items) {"));
        assertTrue(card.contains("public Card title(String title) {"));
        assertTrue(card.contains("public Card size(String size) {"), "a string | number union has a String overload");
        assertTrue(card.contains("public Card size(Number size) {"), "… and a Number one");
        assertTrue(card.contains("public Card children(Object... newChildren) {"));
        assertTrue(card.contains("protected Card copy(Object newId, Map<String, Object> newProps, List<Object> newChildren) {"));
        assertTrue(card.contains("public Card style(Map<String, ?> style) {"));
        assertFalse(card.contains("onClick"), "func props have no setter");
        assertFalse(card.contains("setProps"));
        assertFalse(card.contains("public Card id(Object"), "id is the base's, overridden only");
    }

    @Test
    void keywordAndBaseMethodNamesGetATrailingUnderscore() throws IOException {
        String card = source("io/jdash/fixture/fx/Card.java");

        assertTrue(card.contains("public Card default_(boolean value) {\n        return prop(\"default\", value);"));
        assertTrue(card.contains("public Card type_(String value) {\n        return prop(\"type\", value);"));
        assertTrue(card.contains("named {@code type_} because {@code type} is taken in Java."));
    }

    @Test
    void aPropWhoseCamelCaseIsABaseSetterGetsATrailingUnderscore() throws IOException {
        String card = source("io/jdash/fixture/fx/Card.java");

        assertTrue(card.contains("public Card className_(String value) {\n        return prop(\"class_name\", value);"), card);
        assertTrue(card.contains("named {@code className_} because {@code className} is taken in Java."));
    }

    @Test
    void javadocCarriesDescriptionsRequiredAndDefaultsSafely() throws IOException {
        String card = source("io/jdash/fixture/fx/Card.java");

        assertTrue(card.contains(" * A card with a {@code header} and a list of items.\n"
                + " * Use &lt;Card&gt; for anything &amp; everything."), card);
        assertTrue(card.contains(" * Counts from 0 &amp; never goes down."));
        assertTrue(card.contains(" * &#64;see somewhere"));
        assertTrue(card.contains(" * <p>Required.\n     */\n    public Card title(String title)"));
        assertTrue(card.contains(" * <p>Default: {@code 0}.\n     */\n    public Card nClicks("));
        assertTrue(card.contains("One of {@code \"plain\"} | {@code \"fancy\"}."));
        assertTrue(card.contains("<p>Default: {@code 'plain'}."), "defaultProps are read too");
        assertTrue(card.contains(" * <p>Each item's keys:\n     *\n     * <ul>\n"
                + "     * <li>{@code label} (component): The item's label.</li>\n"
                + "     * <li>{@code value} (string): The item's value.</li>\n     * </ul>"), "a shape's fields are listed");
    }

    @Test
    void typeScriptComponentIsReadFromItsPropsInterface() throws IOException {
        String badge = source("io/jdash/fixture/fx/Badge.java");

        assertTrue(badge.contains(" * A small badge with a count."), badge);
        assertTrue(badge.contains("public Badge label(Object label) {"), "string | ReactNode is an Object");
        assertTrue(badge.contains("public Badge count(Number count) {"));
        assertTrue(badge.contains(" * How many.\n     *\n     * <p>Required."));
        assertTrue(badge.contains("public Badge shape(String shape) {"));
        assertTrue(badge.contains("<p>Default: {@code 'round'}."), "a default in the destructured parameter");
        assertTrue(badge.contains("public Badge tabs(Map<String, ?> tabs) {"));
        assertFalse(badge.contains("children("), "no children prop, no children override");
        assertFalse(badge.contains("setProps"));
    }

    @Test
    void childrenPropsNameEveryNodeOutsideChildrenTheWayDashDoes() {
        Map<String, List<String>> children = result.entry().childrenProps();

        assertEquals(List.of("header", "items[].label"), children.get("Card"));
        assertEquals(List.of("label", "tabs{}.title"), children.get("Badge"));
    }

    @Test
    void suitesJsonListsTheSuiteWithItsChildrenProps() {
        String json = new SuiteManifestWriter().write(List.of(result.entry()));
        JsonObject suite = Json.createReader(new StringReader(json)).readArray().getJsonObject(0);

        assertEquals("fixture_suite", suite.getString("namespace"));
        assertEquals("fixture-suite", suite.getString("npmPackage"));
        assertEquals("1.2.3", suite.getString("version"));
        assertEquals("items[].label", suite.getJsonObject("childrenProps").getJsonArray("Card").getString(1));
        assertEquals("fixture-suite/dist/fixture.min.js", suite.getJsonArray("scripts").getString(0));
        assertFalse(suite.containsKey("stylesheets"), "no stylesheet named, none listed: " + suite);
    }

    @Test
    void aComponentSuitesScriptIsCopiedBesideItsJava() {
        assertTrue(Files.isRegularFile(resources.resolve("META-INF/jdash/components/fixture-suite/dist/fixture.min.js")));
        assertTrue(Files.isRegularFile(resources.resolve("META-INF/jdash/components/fixture-suite/dist/fixture.min.js.gz")));
    }

    @Test
    void facadeHasTheNamespaceAndOneFactoryPerComponent() throws IOException {
        String facade = source("io/jdash/fixture/Fx.java");

        assertTrue(facade.contains("public static final String NAMESPACE = \"fixture_suite\";"), facade);
        assertTrue(facade.contains("public static Card Card(Object... children) {\n"
                + "        return children.length == 0 ? new Card() : new Card().children(children);"), facade);
        assertTrue(facade.contains("public static Badge Badge() {\n        return new Badge();"));
        assertTrue(facade.contains("{@code fixture-suite} 1.2.3"));
        assertTrue(facade.contains(" * A {@code fixture} suite."));
        assertTrue(source("io/jdash/fixture/fx/package-info.java").contains("package io.jdash.fixture.fx;"));
    }

    @Test
    void generatedClassesCompile() throws IOException, URISyntaxException {
        Path stub = Path.of(FixtureSuiteTest.class.getResource("/stub/io/jdash/layout/Component.java").toURI());
        var files = new ArrayList<String>();
        files.add(stub.toString());
        try (Stream<Path> walk = Files.walk(out)) {
            walk.filter(f -> f.toString().endsWith(".java")).forEach(f -> files.add(f.toString()));
        }
        Path classes = Files.createTempDirectory("jdash-codegen-classes");
        files.addAll(0, List.of("-d", classes.toString(), "-Xlint:all", "-Werror"));

        int exit = ToolProvider.getSystemJavaCompiler().run(null, null, null, files.toArray(String[]::new));

        assertEquals(0, exit, "javac failed on the generated sources");
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
