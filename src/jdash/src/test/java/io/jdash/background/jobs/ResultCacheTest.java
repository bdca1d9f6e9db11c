package io.jdash.background.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdash.app.DashApp;
import io.jdash.app.MountedApp;
import io.jdash.callback.Callback;
import io.jdash.callback.CallbackArgs;
import io.jdash.callback.CallbackInvoker;
import io.jdash.callback.CallbackRegistry;
import io.jdash.callback.Input;
import io.jdash.callback.Output;
import io.jdash.callback.State;
import io.jdash.layout.Component;
import io.jdash.layout.Dcc;
import io.jdash.layout.Html;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Dash's cache_by: what makes the key, and how long and how many results are kept. */
class ResultCacheTest {

    static final AtomicInteger VERSION = new AtomicInteger();

    static final class CachingApp implements DashApp {
        public String slug() {
            return "caching";
        }

        public String title() {
            return "Caching";
        }

        public Component layout() {
            return Html.Div(Dcc.Input().id("a"), Dcc.Input().id("b"), Dcc.Input().id("c"), Html.Div().id("out"));
        }

        public void callbacks(CallbackRegistry app) {
            app.callback(new Output("out", "children"), new Input("a", "value"), new State("b", "value"),
                            new State("c", "value"))
                    .background().cacheBy(VERSION::get).cacheArgsToIgnore(2).cacheArgsToIgnore("b.value")
                    .handle((job, args) -> "x");
        }
    }

    private static final MountedApp APP = MountedApp.mount(new CachingApp());

    private static String key(Object a, Object b, Object c) {
        Callback callback = APP.callbacks().callbacks().get(0);
        CallbackArgs args = CallbackInvoker.bindValues(callback, java.util.Arrays.asList(a, b, c), List.of("a.value"));
        return ResultCache.keyOf(APP, callback, args);
    }

    @Test
    void theKeyIsTheKeptArgumentsAndTheCacheByValues() {
        String base = key(1, "b", "c");
        assertEquals(base, key(1, "other b", "other c"), "ignored by name and by position");
        assertNotEquals(base, key(2, "b", "c"), "a kept argument changes the key");
        VERSION.incrementAndGet();
        assertNotEquals(base, key(1, "b", "c"), "a cacheBy value changes the key");
    }

    @Test
    void resultsExpireAndTheOldestGoFirstPastTheLimit() throws InterruptedException {
        var cache = new ResultCache();
        cache.put("short", Map.of("out", Map.of("children", "s")), Duration.ofMillis(1));
        cache.put("long", Map.of("out", Map.of("children", "l")), Duration.ofHours(1));
        Thread.sleep(5);
        assertTrue(cache.find("short").isEmpty(), "expired");
        assertEquals("l", cache.find("long").orElseThrow().get("out").get("children"));
        for (int i = 0; i < 1000; i++) { // jdash.max-cached-results is 1,000 by default
            cache.put("k" + i, Map.of(), Duration.ofHours(1));
        }
        assertTrue(cache.find("long").isEmpty(), "the least recently used went first");
        assertTrue(cache.find("k999").isPresent());
    }

    @Test
    void ignoringAnArgumentTheCallbackHasNotIsRefused() {
        var registry = new CallbackRegistry();
        assertThrows(IllegalArgumentException.class, () -> registry.callback(new Output("o", "children"),
                new Input("a", "value")).background().cacheBy().cacheArgsToIgnore("nope.value").handle((job, args) -> 1));
    }
}
