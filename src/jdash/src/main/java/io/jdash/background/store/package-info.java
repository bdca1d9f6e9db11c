/**
 * The durable record of each job, so an accepted job and its end outlive the server:
 * {@link io.jdash.background.store.JobStore} (JDBC on the server's datasource, or memory), the claim a worker makes
 * before it runs a job, this server's {@link io.jdash.background.store.BootId}, the heartbeats of the nodes sharing
 * the database ({@link io.jdash.background.store.NodeBeats}), and the sink that stores a job's end.
 * Uses background and background.event, and JDBC.
 */
package io.jdash.background.store;
