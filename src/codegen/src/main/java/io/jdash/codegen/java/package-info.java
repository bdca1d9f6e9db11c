/**
 * Turns a suite's metadata into Java source text: names, types, Javadoc, one class per component and the facade.
 * Depends on {@code io.jdash.codegen.metadata} only; writes strings, no files.
 */
package io.jdash.codegen.java;
