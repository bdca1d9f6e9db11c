/**
 * The example apps of the gallery, one short file each, reading like their Dash originals (same ids, texts
 * and timings). They use only the public API: layout, callback, app (and background for the background ones).
 */
package io.jdash.examples;
