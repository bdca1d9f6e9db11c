/**
 * The job machinery both managers share: {@link io.jdash.background.jobs.JobRunner} runs a callback as a job
 * and turns what it does into {@link io.jdash.background.jobs.JobEvent}s; {@link io.jdash.background.jobs.JobRegistry}
 * keeps each job's state and events on this node and checks ownership; {@link io.jdash.background.jobs.BackgroundJobs}
 * is what the web layer calls. Uses app, callback and background; fires CDI events, knows nothing of HTTP.
 */
package io.jdash.background.jobs;
