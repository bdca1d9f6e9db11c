/**
 * The jobs of this node: {@link io.jdash.background.jobs.BackgroundJobs} is what the web layer calls (submit, find,
 * cancel); {@link io.jdash.background.jobs.JobAdmission} refuses a job past a fairness bound (per owner, per client
 * address, per node); {@link io.jdash.background.jobs.JobRegistry} keeps each job's state and events
 * in order and fires them to the push layer; {@link io.jdash.background.jobs.JobRecovery} settles, at start, the jobs
 * a stopped server left behind; {@link io.jdash.background.jobs.ResultCache} keeps the results of callbacks with
 * {@code cacheBy}. Uses app, callback, config, json, background, background.event and background.store; knows nothing
 * of HTTP, and no manager (a CDI producer picks the default one).
 */
package io.jdash.background.jobs;
