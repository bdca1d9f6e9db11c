/**
 * The gallery WAR's own pages: the list of apps at {@code /} and each example's source at {@code /source/<slug>}.
 * Uses the jdash jar's public API (the app catalog, the layout) like any app would.
 */
package io.jdash.gallery;
