/**
 * The Maven goal {@code components}: for each configured suite, finds the npm package, has its metadata extracted
 * and writes the Java classes and {@code component-suites.json}. Uses the three packages below and the Maven API.
 */
package io.jdash.codegen;
