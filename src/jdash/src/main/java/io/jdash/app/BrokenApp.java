package io.jdash.app;

/** An app the catalog refused to mount, and why: the gallery lists it with this message; it serves nothing. */
public record BrokenApp(String slug, String title, String problem) {
}
