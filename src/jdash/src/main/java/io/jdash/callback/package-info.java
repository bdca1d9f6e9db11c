/**
 * Callbacks, as Dash has them: {@link io.jdash.callback.Output}, {@link io.jdash.callback.Input},
 * {@link io.jdash.callback.State}, the registry an app declares them in, the dependency graph sent to the
 * browser, argument binding and result mapping. Pure Java: uses the layout package and nothing of the server.
 */
package io.jdash.callback;
