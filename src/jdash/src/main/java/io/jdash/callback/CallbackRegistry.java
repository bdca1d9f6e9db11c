package io.jdash.callback;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The callbacks of one app, in the order they were declared: Dash's {@code @app.callback} is
 * {@link #callback(Dependency...)} here. A prop can be the output of one callback only, as in Dash, except through
 * outputs declared {@link Output#allowDuplicate()}.
 */
public final class CallbackRegistry {

    private final Map<String, Callback> byId = new LinkedHashMap<>();
    private final Function<Exception, Object> appOnError;
    private final Map<String, String> writerOfProp = new HashMap<>();

    public CallbackRegistry() {
        this(null);
    }

    /**
     * A registry whose callbacks without an {@code onError} of their own use {@code appOnError}, Dash's app-level
     * {@code on_error} ({@code null}: none).
     */
    public CallbackRegistry(Function<Exception, Object> appOnError) {
        this.appOnError = appOnError;
    }

    /** Starts declaring a callback from its outputs, inputs and states, in any order, as Dash takes them. */
    public CallbackBuilder callback(Dependency... dependencies) {
        return new CallbackBuilder(dependencies, appOnError, this::register);
    }

    /**
     * Dash's {@code app.clientside_callback(ClientsideFunction(namespace, function_name), ...)}: a callback the
     * browser runs, with a function of the app's assets scripts ({@code window.dash_clientside.<namespace>.<name>}).
     */
    public Callback clientsideCallback(ClientsideFunction function, Dependency... dependencies) {
        return callback(dependencies).handle(function);
    }

    /**
     * Refuses Dash's other form, {@code app.clientside_callback("function (x) { ... }", ...)}: inline JavaScript
     * cannot run under JDash's Content-Security-Policy ({@code script-src 'self'}).
     *
     * @throws InvalidCallbacks always, saying what to do instead
     */
    public Callback clientsideCallback(String javascript, Dependency... dependencies) {
        throw new InvalidCallbacks("a clientside callback given as inline JavaScript cannot run: the pages' "
                + "Content-Security-Policy allows scripts from files only (script-src 'self'). Put the function in a "
                + "script of the app's assets folder as window.dash_clientside.<namespace>.<name> = function (...) {...} "
                + "and declare clientsideCallback(ClientsideFunction.of(\"<namespace>\", \"<name>\"), ...)");
    }

    void register(Callback callback) {
        for (Output output : callback.outputs()) {
            String writer = writerOfProp.get(output.propId());
            if (writer != null && !output.duplicateAllowed()) {
                throw new InvalidCallbacks("output " + output + " is already written by callback " + writer
                        + "; a prop can be the output of one callback only, unless the others use"
                        + " Output(...).allowDuplicate()");
            }
        }
        if (byId.containsKey(callback.id())) {
            throw new InvalidCallbacks("callback " + callback.id() + " is declared twice (the same outputs and inputs)");
        }
        callback.outputs().stream().filter(output -> !output.duplicateAllowed())
                .forEach(output -> writerOfProp.put(output.propId(), callback.id()));
        byId.put(callback.id(), callback);
    }

    public List<Callback> callbacks() {
        return Collections.unmodifiableList(new ArrayList<>(byId.values()));
    }

    public Optional<Callback> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
