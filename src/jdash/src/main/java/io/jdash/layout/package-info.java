/**
 * The layout: {@link io.jdash.layout.Component} records and the factories that read like Dash's
 * {@code html}, {@code dcc} namespaces (generated from the suites' metadata). Pure Java: depends on nothing
 * else in JDash and on no server API.
 */
package io.jdash.layout;
