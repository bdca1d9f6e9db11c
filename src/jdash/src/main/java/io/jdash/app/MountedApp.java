package io.jdash.app;

import io.jdash.callback.CallbackRegistry;
import io.jdash.callback.Dependency;
import io.jdash.callback.CallbackSpec;
import io.jdash.layout.Component;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * An app ready to serve: its layout built, its callbacks declared and checked (every id they name is in the
 * layout, no cycle), and its {@code _dash-dependencies} computed once.
 */
public record MountedApp(DashApp app, Component layout, CallbackRegistry callbacks, List<CallbackSpec> dependencies) {

    public static MountedApp mount(DashApp app) {
        Component layout = app.layout();
        var callbacks = new CallbackRegistry();
        app.callbacks(callbacks);
        checkIdsExist(app, layout, callbacks);
        return new MountedApp(app, layout, callbacks, CallbackSpec.of(callbacks.callbacks()));
    }

    public String slug() {
        return app.slug();
    }

    private static void checkIdsExist(DashApp app, Component layout, CallbackRegistry callbacks) {
        var ids = new HashSet<String>();
        for (Component c : layout.descendantsAndSelf()) {
            if (c.id() != null && !ids.add(c.id())) {
                throw new IllegalStateException("app " + app.slug() + ": duplicate component id " + c.id());
            }
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
                if (!ids.contains(dependency.id())) {
                    throw new IllegalStateException("app " + app.slug() + ": callback " + cb.id()
                            + " names component " + dependency.id() + ", which is not in the layout");
                }
            }
        }
    }
}
