package io.jdash.web;

/**
 * Text put into HTML that JDash writes itself (the index page's title and URLs, a debug-mode trace, the gallery's
 * list): every character that could end a text node or an attribute value is escaped. Components are never
 * rendered to HTML on the server: Dash's renderer draws them in the browser.
 */
public final class HtmlText {

    private HtmlText() {
    }

    /** {@code text} with {@code & < > " '} as entities: safe in a text node and in a quoted attribute value. */
    public static String escape(String text) {
        var out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
