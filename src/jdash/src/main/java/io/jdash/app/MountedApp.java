package io.jdash.app;

import io.jdash.background.BackgroundManager;
import io.jdash.background.JobSpec;
import io.jdash.callback.Callback;
import io.jdash.callback.CallbackRegistry;
import io.jdash.config.JDashConfig;
import io.jdash.callback.Dependency;
import io.jdash.callback.CallbackGraph;
import io.jdash.callback.InvalidCallbacks;
import io.jdash.layout.Component;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An app ready to serve: its layout built, its callbacks declared and checked (component ids unique, every id they
 * name is in the layout or its validation layout unless the app suppresses callback exceptions, no prop written
 * twice, no cycle, worker queue names a queue can have). {@link #mount} throws {@link InvalidCallbacks} for what the checks refuse.
 * {@code validationLayout} is what Dash's renderer checks the callbacks against when it is not the layout alone: the
 * layout with the app's validation layout and every page's ({@code null} when there are none).
 */
public record MountedApp(DashApp app, Component layout, CallbackRegistry callbacks, Component validationLayout) {

    /** What a worker queue's name may be (an Artemis queue name JDash can put in JNDI and in the CLI script). */
    static final Pattern QUEUE_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

    public static MountedApp mount(DashApp app) {
        Component layout = app.layout();
        var callbacks = new CallbackRegistry(app.onError());
        app.callbacks(callbacks);
        if (!app.pages().isEmpty()) {
            checkPages(app, layout);
            Pages.register(app, JDashConfig.current().mountPath(), callbacks);
        }
        // the ids callbacks may name: the layout's, the validation layout's, and every page's (as Dash Pages does)
        var everything = new ArrayList<Object>();
        everything.add(layout);
        if (app.validationLayout() != null) {
            everything.add(app.validationLayout());
        }
        app.pages().forEach(page -> everything.add(page.layout().apply(java.util.Map.of())));
        if (!app.suppressCallbackExceptions()) {
            checkIdsExist(app, layout, everything, callbacks);
        }
        checkQueues(app, callbacks);
        new CallbackGraph(callbacks.callbacks()); // refuses a cycle
        Component validation = everything.size() == 1 ? null : Component.of("Div", "dash_html_components", everything.toArray());
        return new MountedApp(app, layout, callbacks, validation);
    }

    public String slug() {
        return app.slug();
    }

    /** A background callback's manager: its own, else the app's, else {@code defaultManager}. */
    public BackgroundManager managerOf(Callback callback, BackgroundManager defaultManager) {
        if (callback.background().manager() != null) {
            return callback.background().manager();
        }
        BackgroundManager appManager = app.backgroundCallbackManager();
        return appManager != null ? appManager : defaultManager;
    }

    /** A background callback's worker queue: its own, else the app's, else {@link JobSpec#DEFAULT_QUEUE}. */
    public String queueOf(Callback callback) {
        if (callback.background().queue() != null) {
            return callback.background().queue();
        }
        return app.backgroundQueue() != null ? app.backgroundQueue() : JobSpec.DEFAULT_QUEUE;
    }

    /** Why one of this app's background callbacks could never run on this server, if one could not. */
    Optional<String> unrunnableCallback(BackgroundManager defaultManager) {
        for (Callback callback : callbacks.callbacks()) {
            if (callback.isBackground()) {
                BackgroundManager manager = managerOf(callback, defaultManager);
                Optional<String> problem = manager.cannotRun(queueOf(callback));
                if (problem.isPresent()) {
                    return Optional.of("app " + slug() + ", callback " + callback.id() + ": its background manager ("
                            + manager.name() + ") cannot run it: " + problem.get());
                }
            }
        }
        return Optional.empty();
    }

    /** The app's URL path in a WAR at {@code contextPath}: {@code <context><mount path>/<slug>/}. */
    public String path(String contextPath) {
        return contextPath + JDashConfig.current().mountPath() + "/" + app.slug() + "/";
    }

    /**
     * Ids are unique in the layout (a page's may repeat another page's: one page shows at a time), and every id a
     * callback names is in one of {@code known} (the layout, the validation layout, the pages).
     */
    private static void checkIdsExist(DashApp app, Component layout, List<Object> known, CallbackRegistry callbacks) {
        var unique = new HashSet<Object>();
        for (Component c : layout.descendantsAndSelf()) {
            if (c.id() != null && !unique.add(c.id())) {
                throw new InvalidCallbacks("app " + app.slug() + ": duplicate component id " + c.id());
            }
        }
        var ids = new HashSet<Object>();
        for (Object tree : known) {
            ((Component) tree).descendantsAndSelf().forEach(c -> ids.add(c.id()));
        }
        for (var cb : callbacks.callbacks()) {
            var named = new ArrayList<Dependency>();
            named.addAll(cb.outputs());
            named.addAll(cb.inputs());
            named.addAll(cb.states());
            if (cb.isBackground()) {
                cb.background().running().forEach(running -> named.add(running.output()));
                named.addAll(cb.background().cancel());
                named.addAll(cb.background().progress());
            }
            for (var dependency : named) {
                if (!dependency.hasWildcard() && !ids.contains(dependency.id())) {
                    throw new InvalidCallbacks("app " + app.slug() + ": callback " + cb.id()
                            + " names component " + dependency.id() + ", which is not in the layout (a layout that"
                            + " changes needs validationLayout() or suppressCallbackExceptions())");
                }
            }
        }
    }

    private static void checkPages(DashApp app, Component layout) {
        var paths = new HashSet<String>();
        for (Page page : app.pages()) {
            if (!paths.add(page.path())) {
                throw new InvalidCallbacks("app " + app.slug() + ": two pages have the path " + page.path());
            }
        }
        boolean container = layout.descendantsAndSelf().stream().anyMatch(c -> Pages.CONTENT.equals(c.id()));
        if (!container) {
            throw new InvalidCallbacks("app " + app.slug() + " has pages but its layout has no Pages.container() to show them in");
        }
    }

    private static void checkQueues(DashApp app, CallbackRegistry callbacks) {
        if (app.backgroundQueue() != null && !QUEUE_NAME.matcher(app.backgroundQueue()).matches()) {
            throw new InvalidCallbacks("app " + app.slug() + ": background queue '" + app.backgroundQueue()
                    + "' is not a queue name (" + QUEUE_NAME + ")");
        }
        for (var cb : callbacks.callbacks()) {
            String queue = cb.isBackground() ? cb.background().queue() : null;
            if (queue != null && !QUEUE_NAME.matcher(queue).matches()) {
                throw new InvalidCallbacks("app " + app.slug() + ": callback " + cb.id() + " names queue '" + queue
                        + "', which is not a queue name (" + QUEUE_NAME + ")");
            }
        }
    }
}
