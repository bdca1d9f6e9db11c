package io.jdash.callback;

/**
 * How a page of Dash's renderer reaches the app's background callbacks: over the app's WebSocket (the page hears
 * every update the moment it is made), or, where the page has no socket (no SharedWorker, a proxy that refuses the
 * upgrade), by Dash's HTTP background protocol (the page polls each job). The page picks one when it starts and asks
 * for its callbacks' declarations under it.
 */
public enum RendererTransport {
    SOCKET, HTTP
}
