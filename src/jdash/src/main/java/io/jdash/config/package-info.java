/**
 * JDash's server-side settings in one typed place, {@link io.jdash.config.JDashConfig}, read through MicroProfile
 * Config (WildFly's SmallRye Config): system properties, environment variables or any other config source the
 * server has. Depends on nothing else in JDash.
 */
package io.jdash.config;
