package io.jdash.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdash.background.BackgroundManager;
import io.jdash.background.JobSpec;
import io.jdash.callback.CallbackRegistry;
import io.jdash.callback.Input;
import io.jdash.callback.Output;
import io.jdash.callback.Running;
import io.jdash.layout.Component;
import io.jdash.layout.Dcc;
import io.jdash.layout.Html;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class AppMountTest {

    private record App(String slug, String title, String queue, Consumer<CallbackRegistry> declare) implements DashApp {
        @Override
        public Component layout() {
            return Html.Div(Dcc.Input().id("in"), Html.P().id("out"), Html.P().id("other"));
        }

        @Override
        public void callbacks(CallbackRegistry app) {
            declare.accept(app);
        }

        @Override
        public String backgroundQueue() {
            return queue;
        }
    }

    private static App good(String slug) {
        return new App(slug, "Good " + slug, null,
                app -> app.callback(new Output("out", "children"), new Input("in", "value")).handle(args -> args.get(0)));
    }

    private static App declaring(String slug, Consumer<CallbackRegistry> declare) {
        return new App(slug, "Bad " + slug, null, declare);
    }

    /** A manager that runs the jobs of the default queue only, as the production one on a server with that queue. */
    private static final BackgroundManager ONE_QUEUE = new BackgroundManager() {
        @Override
        public String name() {
            return "one-queue";
        }

        @Override
        public void submit(JobSpec job) {
        }

        @Override
        public void cancel(String jobId) {
        }

        @Override
        public Optional<String> cannotRun(String queue) {
            return queue.equals(JobSpec.DEFAULT_QUEUE) ? Optional.empty() : Optional.of("no queue " + queue);
        }
    };

    private static String problemOf(DashApp bad) {
        AppMount mount = AppMount.of(List.of(good("fine"), bad), ONE_QUEUE);
        assertEquals(List.of("fine"), List.copyOf(mount.mounted().keySet()), "the good app is mounted all the same");
        assertEquals(1, mount.broken().size());
        assertEquals(bad.slug(), mount.broken().get(0).slug());
        return mount.broken().get(0).problem();
    }

    @Test
    void anAppThatIsNotEnabledIsLeftOutWithoutBeingCalledBroken() {
        var disabled = new DashApp() {
            @Override
            public String slug() {
                return "off";
            }

            @Override
            public String title() {
                return "Off";
            }

            @Override
            public Component layout() {
                throw new AssertionError("a disabled app's layout is never built");
            }

            @Override
            public void callbacks(CallbackRegistry app) {
            }

            @Override
            public boolean enabled() {
                return false;
            }
        };
        AppMount mount = AppMount.of(List.of(good("on"), disabled), ONE_QUEUE);
        assertEquals(List.of("on"), List.copyOf(mount.mounted().keySet()));
        assertEquals(List.of(), mount.broken());
    }

    @Test
    void anUnknownInputIdIsRefusedNamingTheCallbackAndTheId() {
        String problem = problemOf(declaring("typo", app -> app.callback(new Output("out", "children"),
                new Input("inn", "value")).handle(args -> 1)));
        assertTrue(problem.contains("out.children") && problem.contains("inn"), problem);
    }

    @Test
    void anUnknownOutputIdIsRefused() {
        String problem = problemOf(declaring("typo", app -> app.callback(new Output("nowhere", "children"),
                new Input("in", "value")).handle(args -> 1)));
        assertTrue(problem.contains("nowhere"), problem);
    }

    @Test
    void anUnknownRunningOrCancelIdIsRefused() {
        String running = problemOf(declaring("running", app -> app.callback(new Output("out", "children"),
                new Input("in", "value")).background().running(new Running(new Output("ghost", "disabled"), true, false))
                .handle((job, args) -> 1)));
        assertTrue(running.contains("ghost"), running);
        String cancel = problemOf(declaring("cancel", app -> app.callback(new Output("out", "children"),
                new Input("in", "value")).background().cancel(new Input("ghost-button", "n_clicks"))
                .handle((job, args) -> 1)));
        assertTrue(cancel.contains("ghost-button"), cancel);
    }

    @Test
    void aPropWrittenByTwoCallbacksIsRefused() {
        String problem = problemOf(declaring("twice", app -> {
            app.callback(new Output("out", "children"), new Input("in", "value")).handle(args -> 1);
            app.callback(new Output("out", "children"), new Input("other", "children")).handle(args -> 2);
        }));
        assertTrue(problem.contains("already written"), problem);
    }

    @Test
    void aCycleIsRefused() {
        String problem = problemOf(declaring("cycle", app -> {
            app.callback(new Output("out", "children"), new Input("other", "children")).handle(args -> 1);
            app.callback(new Output("other", "children"), new Input("out", "children")).handle(args -> 2);
        }));
        assertTrue(problem.contains("circular"), problem);
    }

    @Test
    void aQueueNameNoQueueCanHaveIsRefused() {
        String callbackQueue = problemOf(declaring("queue", app -> app.callback(new Output("out", "children"),
                new Input("in", "value")).background().queue("no such/queue").handle((job, args) -> 1)));
        assertTrue(callbackQueue.contains("no such/queue"), callbackQueue);
        String appQueue = problemOf(new App("app-queue", "Bad queue", "bad queue!", app -> { }));
        assertTrue(appQueue.contains("bad queue!"), appQueue);
    }

    @Test
    void anAppWhoseOwnCodeThrowsIsBrokenWithTheException() {
        String problem = problemOf(declaring("throws", app -> {
            throw new ArithmeticException("the app's own bug");
        }));
        assertTrue(problem.contains("ArithmeticException") && problem.contains("the app's own bug"), problem);
    }

    @Test
    void aTakenOrUnusableSlugIsBroken() {
        assertTrue(problemOf(good("fine")).contains("already taken"));
        assertTrue(problemOf(good("Not A Slug")).contains("must match"));
    }

    @Test
    void aBackgroundCallbackWhoseManagerCannotRunItHereIsRefusedNamingTheCallbackAndTheReason() {
        String problem = problemOf(declaring("nowhere", app -> app.callback(new Output("out", "children"),
                new Input("in", "value")).background().queue("NoSuchQueue").handle((job, args) -> 1)));
        assertTrue(problem.contains("out.children") && problem.contains("one-queue")
                && problem.contains("no queue NoSuchQueue"), problem);
    }

    @Test
    void aBackgroundCallbackOnAQueueItsManagerHasIsMounted() {
        var app = declaring("fine-bg", registry -> registry.callback(new Output("out", "children"),
                new Input("in", "value")).background().handle((job, args) -> 1));
        AppMount mount = AppMount.of(List.of(app), ONE_QUEUE);
        assertEquals(List.of("fine-bg"), List.copyOf(mount.mounted().keySet()), mount.broken().toString());
    }
}
