/**
 * Everything that runs Node: fetching a package with {@code npm pack}, unpacking a source map's sources, installing
 * and running the bundled extractor script. Depends on {@code io.jdash.codegen.metadata} for what it returns.
 */
package io.jdash.codegen.node;
