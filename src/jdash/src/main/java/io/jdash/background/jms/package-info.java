/**
 * The production manager: a job is a persistent message on a worker queue (Artemis), consumed by a
 * single-consumer MDB that starts the Jakarta Batch job "background-callback" and waits for its end, so each
 * queue runs its jobs one at a time in arrival order. Job events travel on the JobEvents topic, so every node
 * hears every job. Uses background.event, .store, .run and .jobs; the JMS and Batch APIs stay in this package.
 */
package io.jdash.background.jms;
