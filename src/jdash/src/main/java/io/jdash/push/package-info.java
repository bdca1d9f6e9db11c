/**
 * The WebSocket side: {@link io.jdash.push.PushEndpoint} at {@code /apps/<slug>/_jdash-push} and
 * {@link io.jdash.push.PushHub}, which sends each page the events of its owner's jobs, in order, through a
 * per-connection queue so a slow page never holds up a job. Uses background, background.event and
 * background.jobs, json, access and config; never web.
 */
package io.jdash.push;
