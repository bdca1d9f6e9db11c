/**
 * Background callbacks, the user's side: {@link io.jdash.background.BackgroundManager} (the seam both managers
 * implement), {@link io.jdash.background.BackgroundContext} (what a job's code can do: sleep, setProgress,
 * setProps) and the {@link io.jdash.background.JobSpec} a manager runs (a callback declares its {@code running}
 * values and its function with {@link io.jdash.callback.Running} and {@link io.jdash.callback.BackgroundFunction}).
 * Pure Java; the machinery lives in the sub-packages {@code jobs}, {@code jms} and {@code local}.
 */
package io.jdash.background;
