package io.jdash.examples;

import io.jdash.app.DashApp;
import io.jdash.callback.Running;
import io.jdash.callback.CallbackRegistry;
import io.jdash.callback.Input;
import io.jdash.callback.Output;
import io.jdash.layout.Component;
import io.jdash.layout.Dcc;
import io.jdash.layout.Figure;
import io.jdash.layout.FigureLayout;
import io.jdash.layout.Html;
import io.jdash.layout.Trace;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/** Example 5: the progress is a Plotly bar chart, back to an empty bar (progress_default) whenever no job runs. */
@ApplicationScoped
public class ProgressGraphExample implements DashApp {

    @Override
    public String slug() {
        return "progress-graph";
    }

    @Override
    public String title() {
        return "5. Progress as a Plotly bar chart";
    }

    @Override
    public String description() {
        return "progress=Output(\"progress_bar_graph\", \"figure\") with progress_default=make_progress_graph(0, 10).";
    }

    static Figure makeProgressGraph(int progress, int total) {
        return Figure.of(Trace.bar().x(List.of(progress)).orientation("h"))
                .withLayout(new FigureLayout()
                        .xaxisRange(0, total)
                        .showYTickLabels(false)
                        .height(100)
                        .set("margin", Map.of("t", 20, "b", 40)));
    }

    @Override
    public Component layout() {
        return Html.Div(
                Html.Div(
                        Html.P("Button not clicked").id("paragraph_id"),
                        Dcc.Graph().figure(makeProgressGraph(0, 10)).id("progress_bar_graph")),
                Html.Button("Run Job!").id("button_id"),
                Html.Button("Cancel Running Job!").id("cancel_button_id"));
    }

    @Override
    public void callbacks(CallbackRegistry app) {
        app.callback(new Output("paragraph_id", "children"), new Input("button_id", "n_clicks"))
                .background()
                .running(
                        new Running(new Output("button_id", "disabled"), true, false),
                        new Running(new Output("cancel_button_id", "disabled"), false, true),
                        new Running(new Output("paragraph_id", "style"),
                                Map.of("visibility", "hidden"), Map.of("visibility", "visible")),
                        new Running(new Output("progress_bar_graph", "style"),
                                Map.of("visibility", "visible"), Map.of("visibility", "hidden")))
                .cancel(new Input("cancel_button_id", "n_clicks"))
                .progress(new Output("progress_bar_graph", "figure"))
                .progressDefault(makeProgressGraph(0, 10))
                .handle((job, args) -> {
                    for (int i = 0; i < 10; i++) {
                        job.sleep(500);
                        job.setProgress(makeProgressGraph(i, 10));
                    }
                    return List.of("Clicked " + args.get(0) + " times");
                });
    }
}
