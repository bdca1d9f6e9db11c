package io.jdash.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdash.callback.CallbackRegistry;
import io.jdash.callback.Input;
import io.jdash.callback.InvalidCallbacks;
import io.jdash.callback.Output;
import io.jdash.callback.State;
import io.jdash.layout.Component;
import io.jdash.layout.Dcc;
import io.jdash.layout.Html;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class MountedAppTest {

    private record TestApp(Component layout, Consumer<CallbackRegistry> declare) implements DashApp {
        @Override
        public String slug() {
            return "test-app";
        }

        @Override
        public String title() {
            return "Test";
        }

        @Override
        public void callbacks(CallbackRegistry app) {
            declare.accept(app);
        }
    }

    private static final Component LAYOUT = Html.Div(
            Dcc.Input().id("in"),
            Html.Div(Html.P().id("out")).id("wrapper"),
            Dcc.Store().id("store"));

    @Test
    void mountKeepsTheLayoutAndCallbacks() {
        var app = new TestApp(LAYOUT, registry -> registry
                .callback(new Output("out", "children"), new Input("in", "value"), new State("store", "data"))
                .handle(args -> args.get(0)));

        MountedApp mounted = MountedApp.mount(app);

        assertEquals("test-app", mounted.slug());
        assertSame(app, mounted.app());
        assertEquals(LAYOUT, mounted.layout());
        assertEquals(List.of("out.children"), mounted.callbacks().callbacks().stream().map(c -> c.id()).toList());
    }

    @Test
    void aCallbackNamingAnOutputNotInTheLayoutIsRefused() {
        var app = new TestApp(LAYOUT, registry -> registry
                .callback(new Output("missing", "children"), new Input("in", "value")).handle(args -> 1));

        var e = assertThrows(InvalidCallbacks.class, () -> MountedApp.mount(app));

        assertEquals("app test-app: callback missing.children names component missing, which is not in the layout"
                + " (a layout that changes needs validationLayout() or suppressCallbackExceptions())", e.getMessage());
    }

    @Test
    void aCallbackNamingAnInputNotInTheLayoutIsRefused() {
        var app = new TestApp(LAYOUT, registry -> registry
                .callback(new Output("out", "children"), new Input("nowhere", "value")).handle(args -> 1));

        var e = assertThrows(InvalidCallbacks.class, () -> MountedApp.mount(app));

        assertTrue(e.getMessage().contains("nowhere"), e.getMessage());
    }

    @Test
    void aCallbackNamingAStateNotInTheLayoutIsRefused() {
        var app = new TestApp(LAYOUT, registry -> registry
                .callback(new Output("out", "children"), new Input("in", "value"), new State("ghost", "data"))
                .handle(args -> 1));

        var e = assertThrows(InvalidCallbacks.class, () -> MountedApp.mount(app));

        assertTrue(e.getMessage().contains("ghost"), e.getMessage());
    }

    @Test
    void duplicateIdsInTheLayoutAreRefused() {
        var layout = Html.Div(Html.P().id("same"), Html.Div(Html.Span().id("same")));
        var app = new TestApp(layout, registry -> { });

        var e = assertThrows(InvalidCallbacks.class, () -> MountedApp.mount(app));

        assertEquals("app test-app: duplicate component id same", e.getMessage());
    }

    @Test
    void circularCallbacksAreRefused() {
        var layout = Html.Div(Html.P().id("a"), Html.P().id("b"));
        var app = new TestApp(layout, registry -> {
            registry.callback(new Output("a", "children"), new Input("b", "children")).handle(args -> 1);
            registry.callback(new Output("b", "children"), new Input("a", "children")).handle(args -> 2);
        });

        var e = assertThrows(InvalidCallbacks.class, () -> MountedApp.mount(app));

        assertTrue(e.getMessage().startsWith("circular callbacks"), e.getMessage());
    }

    @Test
    void anAppWithoutCallbacksMounts() {
        MountedApp mounted = MountedApp.mount(new TestApp(LAYOUT, registry -> { }));

        assertTrue(mounted.callbacks().callbacks().isEmpty());
    }
}
