/**
 * The WebSocket side. {@link io.jdash.push.DashSocket} at {@code <app>/_dash-ws} speaks Dash's renderer's protocol:
 * ordinary websocket callbacks, and background jobs whose updates {@link io.jdash.push.Renderers} pushes to the page
 * load that started them. Each socket sends through a {@link io.jdash.push.PushConnection} queue, so a slow page
 * never holds up a job.
 * Uses app, callback, background (event, jobs), json, access and config; never web.
 */
package io.jdash.push;
