package io.jdash.callback;

import io.jdash.background.BackgroundContext;

/**
 * The code of a background callback: like an ordinary one, plus the job's {@link BackgroundContext} for
 * {@code sleep}, {@code setProgress} and {@code setProps}. It returns the outputs' values (a {@code List} for
 * several), or throws {@link io.jdash.callback.PreventUpdate} to change nothing.
 */
@FunctionalInterface
public interface BackgroundFunction {

    Object apply(BackgroundContext job, CallbackArgs args) throws Exception;
}
