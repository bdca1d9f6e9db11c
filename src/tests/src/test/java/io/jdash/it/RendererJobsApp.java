package io.jdash.it;

import io.jdash.app.DashApp;
import io.jdash.callback.CallbackRegistry;
import io.jdash.callback.Input;
import io.jdash.callback.Output;
import io.jdash.callback.Running;
import io.jdash.layout.Component;
import io.jdash.layout.Html;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Background jobs on Dash's renderer, for {@link RendererJobsBrowserIT}: a job that sends {@link #UPDATES} progress
 * values and as many {@code set_props} faster than any poll interval, and a slow job to supersede.
 */
@ApplicationScoped
public class RendererJobsApp implements DashApp {

    static final String SLUG = "renderer-jobs";
    static final int UPDATES = 30;

    @Override
    public String slug() {
        return SLUG;
    }

    @Override
    public String title() {
        return "Background jobs on Dash's renderer";
    }

    @Override
    public Component layout() {
        return Html.Div(
                Html.Button("Rapid").id("rapid-run"), Html.Div("idle").id("rapid-progress"),
                Html.Div("idle").id("rapid-side"), Html.Div("not run").id("rapid-out"),
                Html.Button("Slow").id("slow-run"), Html.Div("not run").id("slow-out"), Html.Div("idle").id("slow-state"));
    }

    @Override
    public void callbacks(CallbackRegistry app) {
        app.callback(new Output("rapid-out", "children"), new Input("rapid-run", "n_clicks"))
                .preventInitialCall()
                .background()
                .progress(new Output("rapid-progress", "children"))
                .handle((job, args) -> {
                    for (int i = 0; i < UPDATES; i++) {
                        job.setProgress(String.valueOf(i));
                        job.setProps("rapid-side", java.util.Map.of("children", "side " + i));
                        job.sleep(15);
                    }
                    return "rapid done";
                });
        app.callback(new Output("slow-out", "children"), new Input("slow-run", "n_clicks"))
                .preventInitialCall()
                .background()
                .running(new Running(new Output("slow-state", "children"), "running", "idle"))
                .handle((job, args) -> {
                    job.sleep(1500);
                    return "slow " + args.get(0);
                });
    }
}
