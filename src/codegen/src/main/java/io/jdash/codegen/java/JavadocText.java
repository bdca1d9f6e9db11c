package io.jdash.codegen.java;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown descriptions as safe Javadoc: HTML's {@code <}, {@code >}, {@code &} and {@code @} become entities,
 * {@code *}{@code /} cannot end the comment, {@code \}{@code u} cannot start a Unicode escape; code spans become
 * {@code {@code …}} where their text allows it, fenced blocks {@code <pre>}; blank lines start paragraphs.
 */
public final class JavadocText {

    private static final Pattern FENCE = Pattern.compile("```[a-zA-Z]*\\n?(.*?)```", Pattern.DOTALL);
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");

    private JavadocText() {
    }

    /** The lines of a Javadoc body (without the leading {@code " * "}). */
    public static List<String> lines(String markdown) {
        var lines = new ArrayList<String>();
        if (markdown == null || markdown.isBlank()) {
            return lines;
        }
        String text = markdown.replace("\r\n", "\n").replace('\r', '\n').strip();
        String html = fences(text);
        boolean paragraph = false;
        for (String line : html.split("\n", -1)) {
            if (line.isBlank()) {
                paragraph = !lines.isEmpty();
                continue;
            }
            if (paragraph) {
                lines.add("");
                lines.add("<p>" + line.strip());
                paragraph = false;
            } else {
                lines.add(line.stripTrailing());
            }
        }
        return lines;
    }

    /** A value shown as code: {@code {@code 'auto'}}, or {@code <code>} with entities where braces would break it. */
    public static String code(String value) {
        String oneLine = value.replace("\r", "").replace('\n', ' ');
        if (isSafeInCodeTag(oneLine)) {
            return "{@code " + oneLine + "}";
        }
        return "<code>" + escape(oneLine) + "</code>";
    }

    private static String fences(String text) {
        var out = new StringBuilder();
        Matcher m = FENCE.matcher(text);
        int last = 0;
        while (m.find()) {
            out.append(spans(text.substring(last, m.start())));
            out.append("<pre>").append(escape(m.group(1).stripTrailing()).replace("\n\n", "\n&nbsp;\n")).append("</pre>");
            last = m.end();
        }
        out.append(spans(text.substring(last)));
        return out.toString();
    }

    private static String spans(String text) {
        var out = new StringBuilder();
        Matcher m = CODE_SPAN.matcher(text);
        int last = 0;
        while (m.find()) {
            out.append(escape(text.substring(last, m.start())));
            out.append(code(m.group(1)));
            last = m.end();
        }
        out.append(escape(text.substring(last)));
        return out.toString();
    }

    private static boolean isSafeInCodeTag(String s) {
        return balanced(s) && !s.contains("@") && !s.contains("*/") && !s.contains("\\u") && !s.isBlank();
    }

    private static boolean balanced(String s) {
        int depth = 0;
        for (char c : s.toCharArray()) {
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("@", "&#64;")
                .replace("*/", "*&#47;").replace("\\u", "&#92;u");
    }
}
