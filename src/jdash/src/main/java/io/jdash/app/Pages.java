package io.jdash.app;

import io.jdash.callback.Callback;
import io.jdash.callback.CallbackRegistry;
import io.jdash.callback.ClientsideFunction;
import io.jdash.callback.Input;
import io.jdash.callback.Output;
import io.jdash.callback.State;
import io.jdash.layout.Component;
import io.jdash.layout.Dcc;
import io.jdash.layout.Html;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dash's multi-page apps ("Dash Pages"): {@link #container()} is {@code dash.page_container}, the place in the app's
 * layout where the page the URL names is shown; JDash adds the callback that fills it from the URL (and the one that
 * sets the browser tab's title) to every app with {@link DashApp#pages()}.
 */
public final class Pages {

    static final String LOCATION = "_pages_location";
    static final String CONTENT = "_pages_content";
    static final String STORE = "_pages_store";
    static final String DUMMY = "_pages_dummy";

    private Pages() {
    }

    /** {@code dash.page_container}: the URL, the page's content, and what the title callback reads. */
    public static Component container() {
        return Html.Div(
                Dcc.Location().id(LOCATION).refresh("callback-nav"),
                Html.Div().id(CONTENT),
                Dcc.Store().id(STORE),
                Html.Div().id(DUMMY));
    }

    /** Registers the callbacks that show the page of the URL and set the tab's title. */
    static void register(DashApp app, String mountPath, CallbackRegistry callbacks) {
        List<Page> pages = app.pages();
        String appPrefix = mountPath + "/" + app.slug() + "/";
        var router = callbacks.callback(new Output(CONTENT, "children"), new Output(STORE, "data"),
                new Input(LOCATION, "pathname"), new State(LOCATION, "search"));
        if (callbacks.callbacks().stream().anyMatch(Callback::isBackground)) {
            // over the socket, which knows the page's jobs: a page shown again shows its jobs' running values
            router.websocket();
        }
        router.handle(args -> {
                    String path = pagePath(args.string(0), appPrefix);
                    Page page = pages.stream().filter(p -> p.path().equals(path)).findFirst().orElse(null);
                    if (page == null) {
                        return List.of(Html.Div(Html.H1("404 - Page not found"),
                                        Html.P("This app has no page at " + path + ".")),
                                Map.of("title", app.title()));
                    }
                    return List.of(page.layout().apply(query(args.string(1))), Map.of("title", page.title()));
                });
        callbacks.clientsideCallback(ClientsideFunction.of("jdash_pages", "title"), new Output(DUMMY, "children"),
                new Input(STORE, "data"));
    }

    /** The page path of a URL path: what follows the app's own path ({@code /ctx/apps/multi/a/b} → {@code /a/b}). */
    static String pagePath(String pathname, String appPrefix) {
        if (pathname == null) {
            return "/";
        }
        int at = pathname.indexOf(appPrefix);
        String rest = at < 0 ? "" : pathname.substring(at + appPrefix.length());
        while (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        return "/" + rest;
    }

    private static String decoded(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) { // a lone % and the like: kept as typed
            return text;
        }
    }

    /** {@code ?a=1&b=x%20y} → {@code {a=1, b=x y}}. */
    static Map<String, String> query(String search) {
        var params = new LinkedHashMap<String, String>();
        if (search == null || search.length() <= 1) {
            return params;
        }
        for (String pair : search.substring(1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            params.putIfAbsent(decoded(key), decoded(value));
        }
        return params;
    }
}
