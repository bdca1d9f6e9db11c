package io.jdash.callback;

import java.util.Map;

/** What running a callback produced: new prop values, or nothing at all ({@link PreventUpdate}). */
public sealed interface CallbackResult {

    /** New values, by component id then prop; outputs left at {@code noUpdate} are absent. */
    record Updated(Map<String, Map<String, Object>> props) implements CallbackResult {
    }

    /** Nothing changes: the callback threw {@link PreventUpdate} or every output was {@code noUpdate}. */
    record Prevented() implements CallbackResult {
    }
}
