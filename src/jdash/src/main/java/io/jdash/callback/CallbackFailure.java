package io.jdash.callback;

/**
 * A callback's own code failed (threw, or returned the wrong number of values). The page shows the message
 * for this callback; the server logs the cause with its stack trace.
 */
public class CallbackFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CallbackFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
