package io.jdash.it;

import static io.jdash.callback.SetProps.setProps;

import io.jdash.app.DashApp;
import io.jdash.background.defaults.Managers;
import io.jdash.callback.CallbackRegistry;
import io.jdash.callback.Input;
import io.jdash.callback.Output;
import io.jdash.layout.Component;
import io.jdash.layout.Html;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * A test-only app that sends markup down every path a value takes to the page after the first paint: an ordinary
 * callback's result, its {@code setProps}, a background job's {@code setProps}, {@code setProgress} and result,
 * and an error message. Each payload would set {@code window.pwned} if the page ever treated it as HTML.
 */
@ApplicationScoped
public class HostileApp implements DashApp {

    static final String RESULT = "<img src=x onerror=\"window.pwned='result'\">";
    static final String SET_PROPS = "<script>window.pwned='set_props'</script>";
    static final String JOB_SET_PROPS = "<img src=x onerror=\"window.pwned='job set_props'\">";
    static final String PROGRESS = "<svg onload=\"window.pwned='progress'\">";
    static final String JOB_RESULT = "<iframe src=\"javascript:window.parent.pwned='job result'\"></iframe>";
    static final String ERROR = "<img src=x onerror=\"window.pwned='error'\">";

    @Inject
    Managers managers;

    @Override
    public String slug() {
        return "hostile";
    }

    @Override
    public String title() {
        return "Hostile values (test)";
    }

    @Override
    public Component layout() {
        return Html.Div(
                Html.Button("Ordinary").id("ordinary"), Html.Div().id("result"), Html.Div().id("side"),
                Html.Button("Job").id("job"), Html.Div().id("job-result"), Html.Div().id("job-side"),
                Html.Div().id("job-progress"),
                Html.Button("Fail").id("fail"), Html.Div().id("fail-out"));
    }

    @Override
    public void callbacks(CallbackRegistry app) {
        app.callback(new Output("result", "children"), new Input("ordinary", "n_clicks"))
                .preventInitialCall()
                .handle(args -> {
                    setProps("side", Map.of("children", SET_PROPS, "title", SET_PROPS));
                    return RESULT;
                });
        app.callback(new Output("job-result", "children"), new Input("job", "n_clicks"))
                .preventInitialCall()
                .background().manager(managers.local()).queue("hostile")
                .progress(new Output("job-progress", "children"))
                .handle((job, args) -> {
                    job.setProps("job-side", Map.of("children", JOB_SET_PROPS));
                    job.setProgress(PROGRESS);
                    return JOB_RESULT;
                });
        app.callback(new Output("fail-out", "children"), new Input("fail", "n_clicks"))
                .preventInitialCall()
                .handle(args -> {
                    throw new IllegalStateException(ERROR);
                });
    }
}
