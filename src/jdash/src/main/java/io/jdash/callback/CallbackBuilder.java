package io.jdash.callback;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What {@link CallbackRegistry#callback(Dependency...)} returns: options in Dash's words, then
 * {@link #handle(CallbackFunction)} with the code, which registers the callback.
 *
 * <pre>{@code
 * app.callback(new Output("my-output", "children"), new Input("my-input", "value"))
 *    .handle(args -> "Output: " + args.get(0));
 * }</pre>
 */
public final class CallbackBuilder {

    private final List<Output> outputs = new ArrayList<>();
    private final List<Input> inputs = new ArrayList<>();
    private final List<State> states = new ArrayList<>();
    private final List<Dependency> parameters = new ArrayList<>();
    private final Consumer<Callback> register;
    private boolean preventInitialCall;
    private boolean initialDuplicate;
    private boolean websocket;
    private Function<Exception, Object> onError;

    CallbackBuilder(Dependency[] dependencies, Function<Exception, Object> appOnError, Consumer<Callback> register) {
        this.register = register;
        this.onError = appOnError;
        for (Dependency dependency : dependencies) {
            if (dependency instanceof Output output) {
                outputs.add(output);
            } else if (dependency instanceof Input input) {
                inputs.add(input);
                parameters.add(input);
            } else {
                states.add((State) dependency);
                parameters.add(dependency);
            }
        }
    }

    /** Dash's {@code prevent_initial_call=True}: do not run when the page loads. */
    public CallbackBuilder preventInitialCall() {
        this.preventInitialCall = true;
        return this;
    }

    /**
     * Dash's {@code prevent_initial_call="initial_duplicate"}: run when the page loads although an output allows
     * duplicates (whose initial calls then run in no set order).
     */
    public CallbackBuilder initialDuplicate() {
        this.initialDuplicate = true;
        return this;
    }

    /**
     * Dash's {@code on_error}: when the code throws (other than {@link PreventUpdate}), {@code onError} gets the
     * exception and returns the outputs' values instead ({@code null}: leave them all as they are); it runs in the
     * callback's context, so it may {@code setProps}. Replaces the app's {@code onError} for this callback.
     */
    public CallbackBuilder onError(Function<Exception, Object> onError) {
        this.onError = onError;
        return this;
    }

    /**
     * Dash's {@code websocket=True}: on a page served by Dash's renderer, the call travels over the app's WebSocket
     * (one socket per browser, shared by its tabs) instead of an HTTP request.
     */
    public CallbackBuilder websocket() {
        this.websocket = true;
        return this;
    }

    private void checkDuplicates() {
        for (Output output : outputs) {
            if (output.duplicateAllowed() && !preventInitialCall && !initialDuplicate) {
                throw new InvalidCallbacks("output " + output + " allows duplicates, which needs preventInitialCall():"
                        + " the order of the initial calls is not the same on every page load; to run it anyway, use"
                        + " initialDuplicate()");
            }
        }
        WildcardRules.check(outputs, inputs, states);
    }

    /**
     * Dash's {@code background=True}: the callback runs as a job outside the request, on a worker queue;
     * options such as {@code running}, {@code cancel} and {@code progress} follow on the returned builder.
     */
    public BackgroundCallbackBuilder background() {
        checkDuplicates();
        return new BackgroundCallbackBuilder(outputs, inputs, states, parameters, preventInitialCall, register)
                .onError(onError);
    }

    /** Registers the callback with its code. */
    public Callback handle(CallbackFunction function) {
        checkDuplicates();
        CallbackFunction code = function;
        Function<Exception, Object> handler = onError;
        if (handler != null && !(function instanceof ClientsideFunction)) {
            code = args -> {
                try {
                    return function.apply(args);
                } catch (PreventUpdate prevented) {
                    throw prevented;
                } catch (Exception e) {
                    Object replacement = handler.apply(e);
                    if (replacement != null || outputs.isEmpty()) {
                        return replacement;
                    }
                    return outputs.size() > 1 ? java.util.Collections.nCopies(outputs.size(), NoUpdate.noUpdate())
                            : NoUpdate.noUpdate();
                }
            };
        }
        var callback = new Callback(Callback.idFor(outputs, inputs), outputs, inputs, states, preventInitialCall, code,
                null, parameters, websocket);
        register.accept(callback);
        return callback;
    }
}
