package io.jdash.it;

import static io.jdash.callback.NoUpdate.noUpdate;

import io.jdash.app.DashApp;
import io.jdash.background.defaults.Managers;
import io.jdash.callback.CallbackContext;
import io.jdash.callback.CallbackRegistry;
import io.jdash.callback.Input;
import io.jdash.callback.Output;
import io.jdash.callback.PreventUpdate;
import io.jdash.callback.State;
import io.jdash.layout.Component;
import io.jdash.layout.Dcc;
import io.jdash.layout.Html;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * A test-only app with one callback per behaviour the protocol tests probe: a hostile string in the layout,
 * a failing callback, PreventUpdate, noUpdate on one of two outputs, State and callbackContext(), and a slow
 * background job (local manager, its own queue) for the per-session job limit.
 */
@ApplicationScoped
public class ProbeApp implements DashApp {

    static final String HOSTILE = "<script>window.pwned=1</script>";

    @Override
    public String slug() {
        return "probe";
    }

    @Override
    public String title() {
        return "Probe " + HOSTILE;
    }

    @Override
    public Component layout() {
        return Html.Div(
                Html.P(HOSTILE).id("hostile").prop("title", "\"><img src=x onerror=alert(1)>"),
                Dcc.Input().id("word").value("start"),
                Html.Button("Fail").id("fail"),
                Html.Div().id("fail-out"),
                Html.Button("Prevent").id("prevent"),
                Html.Div().id("prevent-out"),
                Html.Button("Both").id("both"),
                Html.Div().id("left"),
                Html.Div().id("right"),
                Html.Div().id("ctx-out"),
                Html.Button("Slow").id("slow"),
                Html.Div().id("slow-out"));
    }

    @Inject
    Managers managers;

    @Override
    public void callbacks(CallbackRegistry app) {
        app.callback(new Output("slow-out", "children"), new Input("slow", "n_clicks"))
                .preventInitialCall()
                .background().manager(managers.local()).queue("probe-slow").keepPreviousJob()
                .handle((job, args) -> {
                    job.sleep(60_000);
                    return "slow " + args.get(0);
                });
        app.callback(new Output("fail-out", "children"), new Input("fail", "n_clicks"))
                .preventInitialCall()
                .handle(args -> {
                    throw new IllegalStateException("the probe failed on purpose");
                });
        app.callback(new Output("prevent-out", "children"), new Input("prevent", "n_clicks"))
                .preventInitialCall()
                .handle(args -> {
                    throw new PreventUpdate();
                });
        app.callback(new Output("left", "children"), new Output("right", "children"), new Input("both", "n_clicks"))
                .preventInitialCall()
                .handle(args -> List.of("left " + args.get(0), noUpdate()));
        app.callback(new Output("ctx-out", "children"), new Input("both", "n_clicks"), new State("word", "value"))
                .preventInitialCall()
                .handle(args -> CallbackContext.callbackContext().triggeredId() + " with " + args.get(1));
    }
}
