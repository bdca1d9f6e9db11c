package io.jdash.push;

/** What a page may send on its socket: {@code {"type": "cancel", "job": "<id>"}}. */
public record PushCommand(String type, String job) {
}
