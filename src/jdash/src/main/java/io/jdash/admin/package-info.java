/**
 * The job admin view (Flower's role for Celery): a JDash app at {@code <mount path>/jdash-admin/} listing the queued,
 * running and recently ended jobs of every app from the job store, with cancel and remove, served only when
 * {@code jdash.admin-role} names the role of the server's realm that may use it. Uses app, callback, layout, config,
 * background.event, background.store and background.jobs.
 */
package io.jdash.admin;
