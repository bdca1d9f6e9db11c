package io.jdash.codegen;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code <suite>} of the {@code components} goal's configuration (Maven sets the fields by name). Its sources
 * are either files of the package ({@code sources}, comma-separated globs relative to the package) or the
 * {@code sourcesContent} of one of its source maps ({@code sourceMap} + {@code sourcePrefix}).
 * A suite an app adds also names the package's files the page loads ({@code scripts}, {@code stylesheets}) and
 * more it serves ({@code files}); a suite without {@code namespace} has files only (a stylesheet package) and no Java.
 */
public class Suite {

    /** The npm package, {@code dash-core-components}. */
    String npmPackage;
    /** Its exact version, {@code 4.5.0}. */
    String version;
    /** The unpacked package; when absent the goal fetches it with {@code npm pack}. */
    File packageDir;
    /** The namespace Dash gives its components on the wire, {@code dash_core_components}. */
    String namespace;
    /** The facade class, {@code io.jdash.layout.Dcc}. */
    String facade;
    /** The package of the component classes, {@code io.jdash.layout.dcc}. */
    String componentPackage;
    /** Comma-separated globs of component files relative to the package: {@code lib/components/*.tsx}. */
    String sources;
    /** A source map of the package whose sourcesContent holds the components' sources. */
    String sourceMap;
    /** With {@code sourceMap}: the folder of the components in it ({@code src/components/}), or one file. */
    String sourcePrefix;
    /** What the suite is, for the facade's Javadoc. */
    String description = "";
    /** More setter parameter types: {@code Graph.figure=io.jdash.layout.Figure}. */
    List<String> extraTypes = new ArrayList<>();
    /** Comma-separated files of the package the page loads as scripts, in order: {@code dist/x.min.js}. */
    String scripts;
    /** Comma-separated files of the package the page links as stylesheets, in order: {@code dist/css/x.min.css}. */
    String stylesheets;
    /** Comma-separated globs of more files served but not linked (async chunks, source maps): {@code dist/*.js}. */
    String files;

    /** Whether the suite has components (and so Java); a suite without a namespace has browser files only. */
    boolean hasComponents() {
        return namespace != null;
    }

    /** Everything that decides the generated output, for the up-to-date check. */
    String key() {
        return String.join("|", npmPackage, version, String.valueOf(namespace), String.valueOf(facade),
                String.valueOf(componentPackage), String.valueOf(sources), String.valueOf(sourceMap),
                String.valueOf(sourcePrefix), description, String.valueOf(extraTypes));
    }
}
