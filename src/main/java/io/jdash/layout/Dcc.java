package io.jdash.layout;

/**
 * Dash's core components ({@code dash_core_components}, imported as {@code dcc} in Dash):
 * {@code Dcc.Input()} is {@code dcc.Input()}. Named {@code Dcc} so that it never clashes with the
 * callback's {@code Input}.
 */
public final class Dcc {

    /** The namespace Dash gives these components on the wire. */
    public static final String NAMESPACE = "dash_core_components";

    private Dcc() {
    }

    /** A text (or {@code type="number"}, …) input whose {@code value} prop follows every keystroke. */
    public static Component Input() {
        return Component.of("Input", NAMESPACE);
    }

    /** Keeps a JSON value in the page ({@code data}); renders nothing. */
    public static Component Store() {
        return Component.of("Store", NAMESPACE);
    }

    /** Raises {@code n_intervals} every {@code interval} milliseconds; renders nothing. */
    public static Component Interval(int intervalMillis) {
        return Component.of("Interval", NAMESPACE).prop("interval", intervalMillis).prop("n_intervals", 0);
    }
}
