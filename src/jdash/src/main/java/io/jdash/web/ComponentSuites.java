package io.jdash.web;

import io.jdash.json.JsonCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The component suites on the classpath, as the component generator describes them in each jar's (and the WAR's)
 * {@code META-INF/jdash/component-suites.json}: their namespaces, npm packages and versions, the
 * {@code children_props} Dash's renderer needs (props other than {@code children} that hold components), and for
 * the suites an app adds the scripts and stylesheets the page loads (paths under {@code _dash-component-suites/}).
 * The one place that reads those files.
 */
final class ComponentSuites {

    static final String RESOURCE = "META-INF/jdash/component-suites.json";

    /**
     * One entry of the file. {@code namespace} is null for a suite of browser files only (a stylesheet package);
     * {@code scripts} and {@code stylesheets}, absent in files of older builds and for Dash's own suites (whose
     * scripts {@link RendererPage} lists), are empty lists then.
     */
    public record Suite(String namespace, String npmPackage, String version, Map<String, List<String>> childrenProps,
                        List<String> scripts, List<String> stylesheets) {

        public Suite {
            childrenProps = childrenProps == null ? Map.of() : childrenProps;
            scripts = scripts == null ? List.of() : List.copyOf(scripts);
            stylesheets = stylesheets == null ? List.of() : List.copyOf(stylesheets);
        }
    }

    private ComponentSuites() {
    }

    /** Every suite the class loader sees; a file that cannot be read fails with its URL. */
    static List<Suite> load(ClassLoader loader) {
        List<URL> urls;
        try {
            urls = Collections.list(loader.getResources(RESOURCE));
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + RESOURCE, e);
        }
        var suites = new ArrayList<Suite>();
        for (URL url : urls) {
            suites.addAll(read(url));
        }
        return suites;
    }

    private static List<Suite> read(URL url) {
        try (InputStream in = url.openStream()) {
            Suite[] listed = JsonCodec.fromJson(in, Suite[].class);
            if (listed == null || Arrays.asList(listed).contains(null)) {
                throw new IllegalStateException("not an array of suites");
            }
            return List.of(listed);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + url, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("could not read " + url + ": "
                    + (e.getMessage() != null ? e.getMessage() : e.toString()), e);
        }
    }

    /** {@code children_props} of {@code _dash-config}: namespace → component → props. */
    static Map<String, Map<String, List<String>>> childrenProps(List<Suite> suites) {
        var all = new LinkedHashMap<String, Map<String, List<String>>>();
        for (Suite suite : suites) {
            if (suite.namespace() != null && !suite.childrenProps().isEmpty()) {
                all.computeIfAbsent(suite.namespace(), ns -> new LinkedHashMap<>()).putAll(suite.childrenProps());
            }
        }
        return all;
    }

    /** The namespaces of the suites with components. */
    static Set<String> namespaces(List<Suite> suites) {
        var namespaces = new LinkedHashSet<String>();
        suites.stream().map(Suite::namespace).filter(Objects::nonNull).forEach(namespaces::add);
        return namespaces;
    }

    /** The scripts the page loads after Dash's suites, in the suites' order, each once. */
    static List<String> scripts(List<Suite> suites) {
        var scripts = new LinkedHashSet<String>();
        suites.forEach(suite -> scripts.addAll(suite.scripts()));
        return List.copyOf(scripts);
    }

    /** The stylesheets the page links before the app's assets' stylesheets, in the suites' order, each once. */
    static List<String> stylesheets(List<Suite> suites) {
        var stylesheets = new LinkedHashSet<String>();
        suites.forEach(suite -> stylesheets.addAll(suite.stylesheets()));
        return List.copyOf(stylesheets);
    }
}
