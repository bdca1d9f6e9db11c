package io.jdash.examples;

import io.jdash.app.DashApp;
import io.jdash.app.Page;
import io.jdash.app.Pages;
import io.jdash.callback.CallbackRegistry;
import io.jdash.callback.Input;
import io.jdash.callback.Output;
import io.jdash.callback.Running;
import io.jdash.layout.Component;
import io.jdash.layout.Dcc;
import io.jdash.layout.Html;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * A multi-page app with a background job: the report page's job keeps running while the user visits another page,
 * and when the user comes back the page shows it as it is — the button still disabled, the progress where the job
 * is — and then its result. (Dash shows such a page as if no job ran: its running values and progress are lost.)
 */
@ApplicationScoped
public class ReportPagesExample implements DashApp {

    static final int SECTIONS = 8;

    static final Page HOME = Page.of("/", "Home", () -> Html.Div(
            Html.H2("Reports").id("home-title"),
            Html.P("Build a report on the Build page, then wander off: the job goes on, and the page shows it when"
                    + " you come back.")));
    static final Page BUILD = Page.of("/build", "Build", () -> Html.Div(
            Html.H2("Build a report").id("build-title"),
            Html.Button("Build report").id("build"),
            Html.Button("Cancel").id("cancel-build").disabled(true),
            Html.Progress().id("build-progress").value("0").max(String.valueOf(SECTIONS)),
            Html.P("No report yet").id("build-status"))).withTitle("Build · Reports");
    static final Page ABOUT = Page.of("/about", "About", () -> Html.Div(
            Html.H2("About").id("about-title"),
            Html.P("Each section of the report takes a second.")));

    @Override
    public String slug() {
        return "report-pages";
    }

    @Override
    public String title() {
        return "Pages: a job across page switches";
    }

    @Override
    public String description() {
        return "Dash Pages with a background job whose running state and progress survive a visit to another page.";
    }

    @Override
    public List<Page> pages() {
        return List.of(HOME, BUILD, ABOUT);
    }

    @Override
    public Component layout() {
        return Html.Div(
                Html.Nav(
                        Dcc.Link(HOME.name()).href(HOME.href()).id("link-home"), " | ",
                        Dcc.Link(BUILD.name()).href(BUILD.href()).id("link-build"), " | ",
                        Dcc.Link(ABOUT.name()).href(ABOUT.href()).id("link-about")),
                Pages.container());
    }

    @Override
    public void callbacks(CallbackRegistry app) {
        app.callback(new Output("build-status", "children"), new Input("build", "n_clicks"))
                .preventInitialCall()
                .background()
                .running(
                        new Running(new Output("build", "disabled"), true, false),
                        new Running(new Output("cancel-build", "disabled"), false, true))
                .cancel(new Input("cancel-build", "n_clicks"))
                .progress(new Output("build-progress", "value"))
                .progressDefault("0")
                .handle((job, args) -> {
                    for (int section = 1; section <= SECTIONS; section++) {
                        job.sleep(1000);
                        job.setProgress(String.valueOf(section));
                    }
                    return "Report " + args.get(0) + " is ready: " + SECTIONS + " sections";
                });
    }
}
