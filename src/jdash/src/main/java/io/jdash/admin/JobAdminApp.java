package io.jdash.admin;

import static io.jdash.callback.NoUpdate.noUpdate;
import static io.jdash.callback.Wildcard.ALL;

import io.jdash.app.DashApp;
import io.jdash.background.jobs.BackgroundJobs;
import io.jdash.background.store.JobStore;
import io.jdash.callback.CallbackArgs;
import io.jdash.callback.CallbackContext;
import io.jdash.callback.CallbackRegistry;
import io.jdash.callback.Input;
import io.jdash.callback.Output;
import io.jdash.callback.State;
import io.jdash.config.JDashConfig;
import io.jdash.layout.Component;
import io.jdash.layout.Dcc;
import io.jdash.layout.Html;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The job admin view, at {@code <mount path>/jdash-admin/}: every queued and running job of every app, and those
 * ended in the last hour, from the job store (with the JDash datasource, every node's; without it, this node's), each
 * with its queue, node, hashed owner, state, age and run time, refreshed every 2 s; a queued or running job can be
 * cancelled and a queued one removed (it ends as the error "removed from its queue by an operator"). Served only when
 * {@code jdash.admin-role} names the role of the server's realm that may use it, and only to users with that role.
 */
@ApplicationScoped
public class JobAdminApp implements DashApp {

    /** The view's slug. */
    public static final String SLUG = "jdash-admin";
    /** The most jobs the table lists. */
    static final int MAX_ROWS = 500;
    /** How long ended jobs stay listed. */
    static final Duration ENDED_SHOWN = Duration.ofHours(1);

    private static final Logger LOG = Logger.getLogger(JobAdminApp.class.getName());

    @Inject
    JobStore store;

    @Inject
    BackgroundJobs jobs;

    @Override
    public String slug() {
        return SLUG;
    }

    @Override
    public String title() {
        return "Job admin";
    }

    @Override
    public String description() {
        return "Queued, running and recent background jobs of every app; cancel and remove (role "
                + JDashConfig.current().adminRole().orElse("-") + ").";
    }

    @Override
    public boolean enabled() {
        return JDashConfig.current().adminRole().isPresent();
    }

    @Override
    public String requiredRole() {
        return JDashConfig.current().adminRole().orElse(null);
    }

    @Override
    public Component layout() {
        List<Map<String, Object>> filters = Arrays.stream(JobTable.Filter.values())
                .map(filter -> Map.<String, Object>of("label", filter.label, "value", filter.name())).toList();
        return Html.Div(
                Html.H1("Background jobs"),
                Html.P("Every app's jobs on this server's job store: queued and running ones, and those ended in the last"
                        + " hour (at most " + MAX_ROWS + "). Owners are shown hashed."),
                Html.Div(Html.Label("Show "), Dcc.Dropdown().id("jdash-admin-filter").options(filters)
                        .value(JobTable.Filter.UNFINISHED.name()).clearable(false)).style(Map.of("maxWidth", "20em")),
                Html.Div().id("jdash-admin-summary"),
                Html.P().id("jdash-admin-message"),
                Html.Div().id("jdash-admin-jobs"),
                Dcc.Interval().id("jdash-admin-tick").interval(2000));
    }

    @Override
    public void callbacks(CallbackRegistry app) {
        app.callback(new Output("jdash-admin-jobs", "children"), new Output("jdash-admin-summary", "children"),
                        new Input("jdash-admin-tick", "n_intervals"), new Input("jdash-admin-filter", "value"),
                        new Input("jdash-admin-message", "children"))
                .handle(args -> {
                    List<JobRow> rows = rows();
                    return List.of(JobTable.table(rows, JobTable.Filter.named(args.get(1))), JobTable.summary(rows));
                });
        app.callback(new Output("jdash-admin-message", "children"),
                        new Input(Map.of("type", JobTable.CANCEL, "job", ALL), "n_clicks"),
                        new Input(Map.of("type", JobTable.REMOVE, "job", ALL), "n_clicks"),
                        new State(Map.of("type", JobTable.CANCEL, "job", ALL), "id"),
                        new State(Map.of("type", JobTable.REMOVE, "job", ALL), "id"))
                .preventInitialCall()
                .handle(this::act);
    }

    private List<JobRow> rows() {
        long now = System.currentTimeMillis();
        return store.recent(now - ENDED_SHOWN.toMillis(), MAX_ROWS).stream().map(job -> JobRow.of(job, now)).toList();
    }

    /** A Cancel or Remove button was clicked: does it, and says what came of it. */
    private Object act(CallbackArgs args) {
        if (!(CallbackContext.callbackContext().triggeredId() instanceof Map<?, ?> button
                && button.get("job") instanceof String jobId)) {
            return noUpdate();
        }
        boolean cancel = JobTable.CANCEL.equals(button.get("type"));
        if (!clicked(args.get(cancel ? 0 : 1), args.get(cancel ? 2 : 3), button)) {
            return noUpdate(); // a button just drawn, not clicked
        }
        if (cancel) {
            boolean asked = jobs.cancelAsOperator(jobId);
            LOG.info(() -> "job admin view: cancel of job " + jobId + (asked ? "" : " refused (ended, or unknown)"));
            return asked ? "Job " + jobId + ": cancel asked; it ends as cancelled."
                    : "Job " + jobId + " was not cancelled: it has ended.";
        }
        boolean removed = jobs.removeQueued(jobId);
        LOG.info(() -> "job admin view: removal of job " + jobId + (removed ? "" : " refused (not waiting)"));
        return removed ? "Job " + jobId + " removed: it ends without running."
                : "Job " + jobId + " was not removed: it is no longer waiting.";
    }

    /** Whether the button {@code id} among {@code ids} has been clicked ({@code clicks} is the same list's n_clicks). */
    private static boolean clicked(Object clicks, Object ids, Map<?, ?> id) {
        if (clicks instanceof List<?> counts && ids instanceof List<?> all) {
            int at = all.indexOf(id);
            return at >= 0 && at < counts.size() && counts.get(at) instanceof Number count && count.intValue() > 0;
        }
        return false;
    }
}
