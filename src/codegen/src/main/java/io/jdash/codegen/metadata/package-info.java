/**
 * A suite's metadata as Dash's {@code metadata.json} has it (components, props, PropTypes-like types), read from
 * the extractor's JSON, and the {@code children_props} derived from it. Plain Java plus Jakarta JSON-P.
 */
package io.jdash.codegen.metadata;
