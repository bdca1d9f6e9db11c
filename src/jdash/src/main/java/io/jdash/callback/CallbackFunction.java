package io.jdash.callback;

/**
 * The code of an ordinary callback. It gets the values of its inputs, then of its states, in the order
 * they were declared, and returns the new value of its output; with several outputs, a {@code List} with one
 * value per output ({@link NoUpdate#noUpdate()} where one should stay). Throw {@link PreventUpdate} to
 * change nothing; any other exception is reported to the page as this callback's error.
 */
@FunctionalInterface
public interface CallbackFunction {

    Object apply(CallbackArgs args) throws Exception;
}
