/**
 * JSON in and out with JSON-B: {@link io.jdash.json.JsonCodec} (limits for untrusted input, NaN and Infinity written
 * as {@code null} as Dash does) and {@link io.jdash.json.JsonRefusal} (why untrusted JSON was refused, in the request's
 * terms). Used by the web, push and background sides; depends on layout only (its adapter).
 */
package io.jdash.json;
