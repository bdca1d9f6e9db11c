/**
 * The local manager: zero setup, for development, as Dash's DiskCache manager is to Celery. Jobs run in this JVM,
 * up to the configured number of workers per queue at once, started in arrival order, observable and cancelable.
 * Uses config, background.event, .store, .run and .jobs.
 */
package io.jdash.background.local;
