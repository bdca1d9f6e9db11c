package io.jdash.admin;

import io.jdash.background.event.JobState;
import io.jdash.layout.Component;
import io.jdash.layout.Html;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** The admin view's components for a list of {@link JobRow}s: the table with each job's actions, and the summary. */
final class JobTable {

    static final String CANCEL = "jdash-admin-cancel";
    static final String REMOVE = "jdash-admin-remove";

    /** What the view's filter may show. */
    enum Filter {
        UNFINISHED("queued and running", row -> !row.state().isEnded()),
        QUEUED("queued", row -> row.state() == JobState.QUEUED),
        RUNNING("running", row -> row.state() == JobState.RUNNING),
        ENDED("ended", row -> row.state().isEnded()),
        ALL("all", row -> true);

        final String label;
        final Predicate<JobRow> shows;

        Filter(String label, Predicate<JobRow> shows) {
            this.label = label;
            this.shows = shows;
        }

        /** The filter a dropdown value names; the unfinished jobs for anything else. */
        static Filter named(Object value) {
            for (Filter filter : values()) {
                if (filter.name().equals(value)) {
                    return filter;
                }
            }
            return UNFINISHED;
        }
    }

    private JobTable() {
    }

    /** The table of the rows the filter shows, most recently accepted first. */
    static Component table(List<JobRow> rows, Filter filter) {
        List<Object> body = new ArrayList<>();
        for (JobRow row : rows) {
            if (filter.shows.test(row)) {
                body.add(row(row));
            }
        }
        if (body.isEmpty()) {
            body.add(Html.Tr(Html.Td("no " + filter.label + " jobs").colSpan(10)));
        }
        return Html.Table(
                Html.Thead(Html.Tr(Html.Th("job"), Html.Th("app"), Html.Th("callback"), Html.Th("queue"), Html.Th("node"),
                        Html.Th("owner (hashed)"), Html.Th("state"), Html.Th("age"), Html.Th("ran for"), Html.Th(""))),
                Html.Tbody(body)).id("jdash-admin-table").className("jdash-admin-table");
    }

    private static Component row(JobRow row) {
        List<Object> actions = new ArrayList<>();
        if (!row.state().isEnded()) {
            actions.add(Html.Button("Cancel").id(Map.of("type", CANCEL, "job", row.id())));
        }
        if (row.state() == JobState.QUEUED) {
            actions.add(Html.Button("Remove").id(Map.of("type", REMOVE, "job", row.id())));
        }
        String state = row.state().name().toLowerCase(java.util.Locale.ROOT)
                + (row.note().isEmpty() ? "" : ": " + shortened(row.note()));
        return Html.Tr(Html.Td(row.id().length() > 12 ? row.id().substring(0, 12) + "…" : row.id()).title(row.id()),
                Html.Td(row.app()), Html.Td(row.callback()).title(row.callback()), Html.Td(row.queue()),
                Html.Td(row.node()), Html.Td(row.owner()), Html.Td(state).title(row.note()),
                Html.Td(JobRow.human(row.ageMillis())), Html.Td(JobRow.human(row.durationMillis())),
                Html.Td(actions)).id("job-" + row.id());
    }

    private static String shortened(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }

    /** One line per queue and node with jobs going: "BackgroundCallbacks · node-a: 3 queued, 1 running". */
    static Component summary(List<JobRow> rows) {
        var counts = new TreeMap<String, int[]>();
        for (JobRow row : rows) {
            if (!row.state().isEnded()) {
                int[] count = counts.computeIfAbsent(row.queue() + " · " + row.node(), key -> new int[2]);
                count[row.state() == JobState.QUEUED ? 0 : 1]++;
            }
        }
        List<Object> lines = new ArrayList<>();
        counts.forEach((where, count) -> lines.add(Html.Li(where + ": " + count[0] + " queued, " + count[1] + " running")));
        if (lines.isEmpty()) {
            lines.add(Html.Li("no job is queued or running"));
        }
        return Html.Ul(lines).id("jdash-admin-summary-list");
    }
}
