package io.jdash.app;

import io.jdash.layout.Component;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * One page of a multi-page app, as Dash's {@code dash.register_page(path=..., name=..., title=..., layout=...)}: its
 * path under the app ({@code "/"} is the app's home, {@code "/analytics"} is {@code <app path>/analytics}), the name
 * its links show, the browser tab's title, and its layout, made each time the page is shown from the URL's query
 * parameters (Dash passes them to a layout function as keyword arguments). List pages in {@link DashApp#pages()} and
 * put {@link Pages#container()} in the app's layout; link to a page with {@code Dcc.Link(page.name()).href(page.href())}.
 */
public record Page(String path, String name, String title, Function<Map<String, String>, Component> layout) {

    private static final Pattern PATH = Pattern.compile("/|(/[A-Za-z0-9_.~-]+)+");

    public Page {
        if (path == null || !PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("a page path is / or like /analytics or /reports/2026 (no trailing slash), not "
                    + path);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(layout, "layout");
        title = title == null ? name : title;
    }

    /** A page whose layout does not depend on the URL; its title is its name. */
    public static Page of(String path, String name, Supplier<Component> layout) {
        return new Page(path, name, name, query -> layout.get());
    }

    /** A page whose layout reads the URL's query parameters ({@code ?report=7} gives {@code {"report": "7"}}). */
    public static Page of(String path, String name, Function<Map<String, String>, Component> layout) {
        return new Page(path, name, name, layout);
    }

    /** The same page with another browser-tab title. */
    public Page withTitle(String newTitle) {
        return new Page(path, name, newTitle, layout);
    }

    /**
     * The page's link target, relative to the app's path ({@code "analytics"}, {@code "./"} for the home page); the
     * pages of a multi-page app have a {@code <base>} at the app's path, so it is right from every page.
     */
    public String href() {
        return path.equals("/") ? "./" : path.substring(1);
    }
}
