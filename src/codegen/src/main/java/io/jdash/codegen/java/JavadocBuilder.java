package io.jdash.codegen.java;

import java.util.ArrayList;
import java.util.List;

/** A Javadoc body: Markdown text (made safe by {@link JavadocText}) and paragraphs already written as Javadoc. */
final class JavadocBuilder {

    private final List<String> lines = new ArrayList<>();

    void text(String markdown) {
        lines.addAll(JavadocText.lines(markdown));
    }

    /** A paragraph of Javadoc written by the generator itself (not escaped). */
    void paragraph(String javadoc) {
        if (lines.isEmpty()) {
            lines.add(javadoc);
        } else {
            lines.add("");
            lines.add("<p>" + javadoc);
        }
    }

    /** Lines already written as Javadoc, as a paragraph of their own. */
    void block(List<String> javadoc) {
        if (!lines.isEmpty()) {
            lines.add("");
        }
        lines.addAll(javadoc);
    }

    List<String> lines() {
        return lines;
    }
}
