package io.jdash.callback;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.regex.Pattern;

/**
 * Dash's {@code ClientsideFunction(namespace, function_name)}: a callback that runs in the browser, as
 * {@code window.dash_clientside[namespace][functionName]}, a function an assets script of the app defines. The
 * server never runs it: {@link #apply} refuses. (Dash's inline JavaScript strings cannot run under JDash's
 * Content-Security-Policy, so there is no such form; see {@link CallbackRegistry#clientsideCallback(String, Dependency...)}.)
 */
@JsonbPropertyOrder({"namespace", "functionName"})
public record ClientsideFunction(String namespace, @JsonbProperty("function_name") String functionName)
        implements CallbackFunction {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    public ClientsideFunction {
        if (namespace == null || !NAME.matcher(namespace).matches() || functionName == null
                || !NAME.matcher(functionName).matches()) {
            throw new IllegalArgumentException("a clientside function is named by a JavaScript namespace and function"
                    + " name, not " + namespace + "." + functionName);
        }
    }

    /** {@code ClientsideFunction(namespace="ns", function_name="fn")}. */
    public static ClientsideFunction of(String namespace, String functionName) {
        return new ClientsideFunction(namespace, functionName);
    }

    @Override
    public Object apply(CallbackArgs args) {
        throw new IllegalStateException("clientside callback " + namespace + "." + functionName + " runs in the browser");
    }
}
