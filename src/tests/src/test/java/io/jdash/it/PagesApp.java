package io.jdash.it;

import io.jdash.app.DashApp;
import io.jdash.app.Page;
import io.jdash.app.Pages;
import io.jdash.callback.CallbackRegistry;
import io.jdash.callback.Input;
import io.jdash.callback.Output;
import io.jdash.layout.Component;
import io.jdash.layout.Dcc;
import io.jdash.layout.Html;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** A multi-page app (Dash Pages) for PagesBrowserIT: three pages, one with a callback, one that reads the query. */
@ApplicationScoped
public class PagesApp implements DashApp {

    static final Page HOME = Page.of("/", "Home", () -> Html.Div(Html.H2("Home page").id("home-title")));
    static final Page ANALYTICS = Page.of("/analytics", "Analytics", () -> Html.Div(
            Html.H2("Analytics").id("analytics-title"),
            Dcc.Input().id("analytics-in").value("x"),
            Html.Div().id("analytics-out"))).withTitle("Analytics · Pages");
    static final Page REPORT = Page.of("/reports/one", "Report",
            query -> Html.Div(Html.H2("Report " + query.getOrDefault("id", "?")).id("report-title")));

    @Override
    public String slug() {
        return "multi";
    }

    @Override
    public String title() {
        return "Pages";
    }

    @Override
    public List<Page> pages() {
        return List.of(HOME, ANALYTICS, REPORT);
    }

    @Override
    public Component layout() {
        return Html.Div(
                Html.Nav(
                        Dcc.Link(HOME.name()).href(HOME.href()).id("link-home"), " ",
                        Dcc.Link(ANALYTICS.name()).href(ANALYTICS.href()).id("link-analytics"), " ",
                        Dcc.Link("Report 7").href(REPORT.href() + "?id=7").id("link-report")),
                Pages.container());
    }

    @Override
    public void callbacks(CallbackRegistry app) {
        app.callback(new Output("analytics-out", "children"), new Input("analytics-in", "value"))
                .handle(args -> "analysed " + args.get(0));
    }
}
