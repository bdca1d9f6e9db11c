package io.jdash.web;

/** The {@code 202} answer to a background callback: the job's id, to follow on the WebSocket or by polling. */
public record JobAccepted(String job) {
}
