package io.jdash.callback;

/**
 * The code of an ordinary callback. It gets the values of its inputs and states in the order they were declared
 * (as Dash passes them: {@code callback(Output, Input a, State b, Input c)} gets a, b, c), and returns the new value of its output; with several outputs, a {@code List} with one
 * value per output ({@link NoUpdate#noUpdate()} where one should stay). Throw {@link PreventUpdate} to
 * change nothing; any other exception is reported to the page as this callback's error.
 */
@FunctionalInterface
public interface CallbackFunction {

    Object apply(CallbackArgs args) throws Exception;
}
