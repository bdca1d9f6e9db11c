package io.jdash.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReadOnlyPathsTest {

    @Test
    void readsPassEverywhere() {
        for (String path : new String[] {"", "/runtime/app.js", "/vendor/preact/dist/preact.module.js", "/apps"}) {
            assertTrue(ReadOnlyPaths.allows(path, "GET"), path);
            assertTrue(ReadOnlyPaths.allows(path, "HEAD"), path);
        }
    }

    @Test
    void otherMethodsOutsideAppsAreRefusedEvenOnesTheServletApiDoesNotKnow() {
        for (String method : new String[] {"POST", "PUT", "DELETE", "OPTIONS", "PATCH", "PROPFIND", "FOO", "get"}) {
            assertFalse(ReadOnlyPaths.allows("", method), method);
            assertFalse(ReadOnlyPaths.allows("/runtime/app.js", method), method);
        }
    }

    @Test
    void theAppServletAnswersEveryMethodItself() {
        for (String method : new String[] {"POST", "DELETE", "PATCH", "FOO"}) {
            assertTrue(ReadOnlyPaths.allows("/apps", method), method);
            assertTrue(ReadOnlyPaths.allows("/apps/jdash-admin", method), "an app's own servlet: " + method);
            assertFalse(ReadOnlyPaths.allows("/appsx", method), method);
        }
    }
}
