package io.jdash.web;

/** The body of every error answer: {@code {"error": "<message>"}}. */
public record ErrorBody(String error) {
}
