package io.jdash.app;

import io.jdash.background.BackgroundManager;
import io.jdash.callback.CallbackRegistry;
import io.jdash.layout.Component;

/**
 * A Dash app: make a CDI bean ({@code @ApplicationScoped}) implementing this, and it is served at
 * {@code /apps/<slug>/} and listed in the gallery. No registry file to edit.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class HelloApp implements DashApp {
 *     public String slug() { return "hello"; }
 *     public String title() { return "Hello"; }
 *     public Component layout() { return Html.Div(...); }
 *     public void callbacks(CallbackRegistry app) {
 *         app.callback(new Output("my-output", "children"), new Input("my-input", "value"))
 *            .handle(args -> "Output: " + args.get(0));
 *     }
 * }
 * }</pre>
 */
public interface DashApp {

    /** The app's path segment under {@code /apps/}: lower-case letters, digits and dashes. */
    String slug();

    /** The page title and the gallery's link text. */
    String title();

    /** One line for the gallery. */
    default String description() {
        return "";
    }

    /** The layout, called once when the app is mounted. */
    Component layout();

    /** Declares the app's callbacks, as Dash's {@code @app.callback} decorators do. */
    void callbacks(CallbackRegistry app);

    /**
     * Dash's multi-page apps: the app's pages ({@code dash.register_page}), each shown in {@link Pages#container()} when
     * the URL is its path under the app, with its title in the browser tab; {@code dcc.Link}s between them change the
     * page without reloading it. Empty (the default): a single-page app.
     */
    default java.util.List<Page> pages() {
        return java.util.List.of();
    }

    /**
     * Dash's {@code assets_folder}: a folder of the WAR (or of a jar's {@code META-INF/resources}) whose files are served
     * at {@code <app path>/assets/}; its {@code .css} files are linked in the page's head and its {@code .js} files
     * loaded after the component suites (in path order, as Dash does), and its {@code favicon.ico} is the page's icon.
     * The default is {@code /assets/<slug>}, i.e. {@code src/main/webapp/assets/<slug>/} in a Maven WAR project.
     */
    default String assetsFolder() {
        return "/assets/" + slug();
    }

    /**
     * Dash's app-level {@code on_error}: for every callback without an {@code onError} of its own, turns the exception
     * its code threw into the outputs' values ({@code null} returned: nothing changes); {@code null} (the default):
     * the error is reported.
     */
    default java.util.function.Function<Exception, Object> onError() {
        return null;
    }

    /**
     * Dash's {@code suppress_callback_exceptions=True}: callbacks may name components the layout does not have (yet),
     * as in an app whose callbacks add them; neither the server nor the renderer checks the ids then.
     */
    default boolean suppressCallbackExceptions() {
        return false;
    }

    /**
     * Dash's {@code app.validation_layout}: a layout holding every component any page or callback may show, against
     * which the callbacks' ids are checked (the server's check and the renderer's); {@code null}: the layout only.
     */
    default Component validationLayout() {
        return null;
    }

    /**
     * Dash's {@code background_callback_manager}: the manager for this app's background callbacks that name
     * none; {@code null} (the default) means the production manager where the server has its queue, else
     * the local one (the injectable default, {@code io.jdash.background.defaults.Managers}).
     */
    default BackgroundManager backgroundCallbackManager() {
        return null;
    }

    /**
     * The role of the server's security realm (WildFly's Elytron: e.g. a group of {@code add-user.sh}) a user must have
     * to be served anything of this app: its page, callbacks, job API and socket. A visitor who has not logged in is
     * asked to (the WAR's {@code login-config}); one without the role gets 403. {@code null} (the default): everyone.
     */
    default String requiredRole() {
        return null;
    }

    /** Whether the deployment serves this app at all: false for one that configuration leaves off. */
    default boolean enabled() {
        return true;
    }

    /** The worker queue for this app's background callbacks that name none; {@code null}: "BackgroundCallbacks". */
    default String backgroundQueue() {
        return null;
    }
}
