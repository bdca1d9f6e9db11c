/**
 * Integration tests, run by failsafe in {@code mvn verify}: Arquillian deploys the built WAR (plus the test
 * apps of this package) to a managed WildFly, and the tests talk to it over HTTP and through headless Chromium.
 */
package io.jdash.it;
