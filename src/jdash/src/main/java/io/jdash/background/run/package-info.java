/**
 * Running one job: {@link io.jdash.background.run.JobRunner} calls the app's background function on the current
 * thread with a {@link io.jdash.background.run.RunningJob} (the job's {@code BackgroundContext}: sleep, setProgress,
 * setProps, cancellation) and reports each step as an event; {@link io.jdash.background.run.JobTimeLimits} stops a run
 * past its time limit and gives up code that ignores a stop; {@link io.jdash.background.run.WorkerSlots} bounds how
 * many jobs of a queue run at once; {@link io.jdash.background.run.JobOutputLimit} bounds the size of what a job sends.
 * Both managers use them. Uses app, callback, config, json, background and
 * background.event.
 */
package io.jdash.background.run;
