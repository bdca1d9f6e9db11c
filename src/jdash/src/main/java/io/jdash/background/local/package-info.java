/**
 * The local manager: zero setup, for development, as Dash's DiskCache manager is to Celery. Jobs run in this
 * JVM on one thread per worker queue, still in arrival order, observable and cancelable. Uses background.event, .store, .run
 * and .jobs.
 */
package io.jdash.background.local;
