package io.jdash.layout;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Renders a layout to HTML for the first paint, the same DOM the browser runtime builds from the layout
 * JSON (so Preact can hydrate it). Every text and attribute value is escaped: a prop value {@code <script>}
 * shows as text. Props the element has no attribute for (such as {@code n_clicks}) stay in the JSON only.
 */
public final class HtmlRenderer {

    /** HTML attributes a Dash prop is written to, by prop name; everything else stays in the JSON. */
    private static final Map<String, String> ATTRIBUTES = Map.ofEntries(
            Map.entry("className", "class"), Map.entry("title", "title"), Map.entry("href", "href"),
            Map.entry("target", "target"), Map.entry("src", "src"), Map.entry("alt", "alt"),
            Map.entry("value", "value"), Map.entry("max", "max"), Map.entry("min", "min"),
            Map.entry("placeholder", "placeholder"), Map.entry("type", "type"), Map.entry("name", "name"),
            Map.entry("disabled", "disabled"), Map.entry("hidden", "hidden"), Map.entry("role", "role"),
            Map.entry("htmlFor", "for"), Map.entry("tabIndex", "tabindex"), Map.entry("width", "width"),
            Map.entry("height", "height"), Map.entry("lang", "lang"), Map.entry("step", "step"));

    /** Elements with no closing tag. */
    private static final Set<String> VOID = Set.of("br", "hr", "img", "input");

    /** CSS properties that take plain numbers, as React and Preact treat them; others get "px". */
    private static final Pattern UNITLESS = Pattern.compile(
            "acit|ex(?:s|g|n|p|$)|rph|grid|ows|mnc|ntw|ine[ch]|zoo|^ord|itera", Pattern.CASE_INSENSITIVE);

    private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z0-9])([A-Z])");

    private HtmlRenderer() {
    }

    public static String render(Component root) {
        var out = new StringBuilder(1024);
        renderNode(root, out);
        return out.toString();
    }

    private static void renderNode(Object node, StringBuilder out) {
        if (node instanceof Component c) {
            renderComponent(c, out);
        } else if (node instanceof Iterable<?> list) {
            list.forEach(item -> renderNode(item, out));
        } else if (node != null) {
            out.append(escape(String.valueOf(node)));
        }
    }

    private static void renderComponent(Component c, StringBuilder out) {
        String tag = tagOf(c);
        if (tag == null) {
            return; // renders nothing in the page (dcc.Store, dcc.Interval)
        }
        out.append('<').append(tag);
        if (c.id() != null) {
            attribute(out, "id", String.valueOf(c.id()));
        }
        if (c.namespace().equals(Dcc.NAMESPACE) && c.type().equals("Input") && !c.props().containsKey("type")) {
            attribute(out, "type", "text");
        }
        var props = new LinkedHashMap<>(c.props());
        if (c.namespace().equals("dash_ag_grid")) {
            props.put("style", gridStyle(c.props().get("style")));
        }
        for (var prop : props.entrySet()) {
            String name = ATTRIBUTES.get(prop.getKey());
            Object value = prop.getValue();
            if (prop.getKey().equals("style") && value instanceof Map<?, ?> style) {
                attribute(out, "style", css(style));
            } else if (name == null && (prop.getKey().startsWith("data-") || prop.getKey().startsWith("aria-"))) {
                attribute(out, prop.getKey(), String.valueOf(value));
            } else if (name != null && value instanceof Boolean flag) {
                if (flag) {
                    out.append(' ').append(name);
                }
            } else if (name != null && (value instanceof CharSequence || value instanceof Number)) {
                attribute(out, name, name.equals("href") || name.equals("src") ? safeUrl(String.valueOf(value))
                        : String.valueOf(value));
            }
        }
        out.append('>');
        if (VOID.contains(tag)) {
            return;
        }
        c.children().forEach(child -> renderNode(child, out));
        out.append("</").append(tag).append('>');
    }

    /** dash-ag-grid's default size (400 px high, full width) under the app's own style. */
    static Map<String, Object> gridStyle(Object style) {
        var merged = new LinkedHashMap<String, Object>();
        merged.put("height", "400px");
        merged.put("width", "100%");
        if (style instanceof Map<?, ?> own) {
            own.forEach((k, v) -> merged.put(String.valueOf(k), v));
        }
        return merged;
    }

    /** The element a component renders as, or {@code null} for one that renders nothing. */
    static String tagOf(Component c) {
        return switch (c.namespace()) {
            case Html.NAMESPACE -> c.type().toLowerCase(Locale.ROOT);
            case Dcc.NAMESPACE -> switch (c.type()) {
                case "Input" -> "input";
                case "Store", "Interval" -> null;
                default -> "div";
            };
            default -> "div";
        };
    }

    /** {@code {"backgroundColor": "red", "width": 10}} → {@code background-color:red;width:10px}. */
    static String css(Map<?, ?> style) {
        var out = new StringBuilder();
        for (var entry : style.entrySet()) {
            String key = String.valueOf(entry.getKey());
            Object value = entry.getValue();
            if (value == null) {
                continue;
            }
            String text = value instanceof Number && !UNITLESS.matcher(key).find() ? value + "px" : String.valueOf(value);
            if (out.length() > 0) {
                out.append(';');
            }
            out.append(CAMEL_HUMP.matcher(key).replaceAll("$1-$2").toLowerCase(Locale.ROOT)).append(':').append(text);
        }
        return out.toString();
    }

    private static void attribute(StringBuilder out, String name, String value) {
        out.append(' ').append(name).append("=\"").append(escape(value)).append('"');
    }

    private static final Pattern SCRIPT_URL = Pattern.compile("^(javascript|vbscript|data):", Pattern.CASE_INSENSITIVE);
    private static final Pattern INVISIBLE = Pattern.compile("[\\u0000-\\u0020\\u007f-\\u009f]");

    /**
     * A URL for {@code href} or {@code src}, or {@code about:blank} in place of one that would run script
     * ({@code javascript:}, {@code vbscript:}, {@code data:}), even spelled with blanks or control characters
     * inside, as browsers ignore them; the browser runtime applies the same rule.
     */
    public static String safeUrl(String url) {
        return SCRIPT_URL.matcher(INVISIBLE.matcher(url).replaceAll("")).find() ? "about:blank" : url;
    }

    /** Escapes text for an HTML text node or a double-quoted attribute. */
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
