package io.jdash.callback;

/** A callback request that does not fit the callback it names: answered with a 400 and this message. */
public class BadCallbackRequest extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BadCallbackRequest(String message) {
        super(message);
    }
}
