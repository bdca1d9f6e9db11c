/**
 * What an app is ({@link io.jdash.app.DashApp}: a slug, a title, a layout and callbacks) and the catalog
 * that discovers every app as a CDI bean and mounts it. Uses layout and callback; knows nothing of HTTP.
 */
package io.jdash.app;
