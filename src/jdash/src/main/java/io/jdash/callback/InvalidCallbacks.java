package io.jdash.callback;

/**
 * An app's callbacks cannot be served as declared: a prop written by two callbacks, a cycle, an id that is not in
 * the layout, a queue name no queue can have. The message names the app's callback and the id; it is the app
 * author's to read, so the app is refused at deployment with it (and no stack trace).
 */
public class InvalidCallbacks extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public InvalidCallbacks(String message) {
        super(message);
    }
}
