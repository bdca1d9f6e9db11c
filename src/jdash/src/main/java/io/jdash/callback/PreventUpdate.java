package io.jdash.callback;

/**
 * Thrown by a callback to leave every output as it is, as Dash's {@code raise PreventUpdate}. The browser
 * gets {@code 204 No Content} and fires nothing downstream.
 */
public class PreventUpdate extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PreventUpdate() {
        super("prevent update", null, false, false);
    }
}
