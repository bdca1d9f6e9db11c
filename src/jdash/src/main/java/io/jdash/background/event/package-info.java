/**
 * What happens to a background job, as data: {@link io.jdash.background.event.JobEvent} (what the page receives),
 * its {@link io.jdash.background.event.JobEventType} and the {@link io.jdash.background.event.JobState} it leads to,
 * and the {@link io.jdash.background.event.JobEventSink} a running job reports to. Uses only io.jdash.background.
 */
package io.jdash.background.event;
