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

    /**
     * A Plotly.js chart; set its {@code figure} with {@link Component#prop(String, Object)} and a {@link Figure}
     * (or a raw {@code Map} in Plotly's JSON shape). Updates go through {@code Plotly.react}: the chart is
     * changed in place, not rebuilt.
     */
    public static Component Graph() {
        return Component.of("Graph", NAMESPACE);
    }

    /** {@code dcc.Graph(figure=…)}. */
    public static Component Graph(Figure figure) {
        return Graph().prop("figure", figure);
    }

    /** Raises {@code n_intervals} every {@code interval} milliseconds; renders nothing. */
    public static Component Interval(int intervalMillis) {
        return Component.of("Interval", NAMESPACE).prop("interval", intervalMillis).prop("n_intervals", 0);
    }
}
