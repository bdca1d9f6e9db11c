/**
 * The production manager: a job is a persistent message on a worker queue (Artemis), consumed by a single-consumer
 * MDB per queue that starts it as the Jakarta Batch job "background-callback" once one of the node's workers of that
 * queue is free, so jobs start in arrival order and up to the configured number run at once. Job events travel on
 * the JobEvents topic, so every node hears every job. {@link io.jdash.background.jms.RemovedJobs} ends the waiting
 * jobs whose messages an operator removed with the server's CLI; {@link io.jdash.background.jms.LostNodes} takes over
 * the running jobs of a node sharing the database that went silent. Uses config, background.event, .store, .run and .jobs; the JMS
 * and Batch APIs stay in this package.
 */
package io.jdash.background.jms;
