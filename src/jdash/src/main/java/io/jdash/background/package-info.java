/**
 * Background callbacks, the user's side: {@link io.jdash.background.BackgroundManager} (the seam both managers
 * implement), {@link io.jdash.background.BackgroundContext} (what a job's code can do: sleep, setProgress,
 * setProps), {@link io.jdash.background.Running} and the {@link io.jdash.background.JobSpec} a manager runs.
 * Pure Java; the machinery lives in the sub-packages {@code jobs}, {@code jms} and {@code local}.
 */
package io.jdash.background;
