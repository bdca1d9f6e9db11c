package io.jdash.layout;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A Plotly figure, {@code {"data": [traces…], "layout": {…}}}, the value of a {@code Graph}'s {@code figure}:
 *
 * <pre>{@code
 * Figure.of(Trace.bar().x(List.of(progress)).orientation("h"))
 *       .withLayout(new FigureLayout().xaxisRange(0, total).height(100))
 * }</pre>
 *
 * {@link #raw(Map)} takes a figure already in Plotly's JSON shape, for anything the builders lack.
 */
public record Figure(List<Map<String, Object>> data, Map<String, Object> layout) {

    public Figure {
        data = List.copyOf(data);
        layout = layout == null ? Map.of() : layout;
    }

    public static Figure of(Trace... traces) {
        return new Figure(Arrays.stream(traces).map(Trace::toMap).toList(), Map.of());
    }

    public Figure withLayout(FigureLayout newLayout) {
        return new Figure(data, newLayout.toMap());
    }

    /** A figure given as Plotly JSON: {@code {"data": [...], "layout": {...}}}. */
    @SuppressWarnings("unchecked")
    public static Figure raw(Map<String, ?> figure) {
        Object data = figure.get("data");
        Object layout = figure.get("layout");
        return new Figure(data == null ? List.of() : (List<Map<String, Object>>) data,
                layout == null ? Map.of() : (Map<String, Object>) layout);
    }
}
