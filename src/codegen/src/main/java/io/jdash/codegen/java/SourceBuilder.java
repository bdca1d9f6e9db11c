package io.jdash.codegen.java;

/** Lines of a Java source file, and Javadoc comments indented to their place. */
final class SourceBuilder {

    private final StringBuilder out = new StringBuilder();

    void line(String line) {
        out.append(line.stripTrailing()).append('\n');
    }

    void javadoc(JavadocBuilder doc, String indent) {
        var lines = doc.lines();
        if (lines.isEmpty()) {
            return;
        }
        line(indent + "/**");
        lines.forEach(l -> line(indent + " * " + l));
        line(indent + " */");
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
