package io.jdash.examples;

import static io.jdash.callback.Wildcard.ALL;
import static io.jdash.callback.Wildcard.MATCH;

import io.jdash.app.DashApp;
import io.jdash.callback.CallbackRegistry;
import io.jdash.callback.Input;
import io.jdash.callback.Output;
import io.jdash.callback.Patch;
import io.jdash.callback.Running;
import io.jdash.callback.State;
import io.jdash.layout.Component;
import io.jdash.layout.Html;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Pattern-matching callbacks with background jobs: rows are added and removed, each row's Run button starts a job
 * for that row only ({@code MATCH}), with its own progress bar, running values and Cancel button, and a summary
 * reads every row's result ({@code ALL}).
 */
@ApplicationScoped
public class RowsExample implements DashApp {

    static final int STEPS = 10;

    @Override
    public String slug() {
        return "rows";
    }

    @Override
    public String title() {
        return "Rows: a background job per row";
    }

    @Override
    public String description() {
        return "Pattern-matching ids: MATCH gives each row its own job, progress and cancel; ALL sums the rows up.";
    }

    static Component row(int index) {
        return Html.Div(
                Html.Span("Row " + index + " "),
                Html.Button("Run").id(id("run", index)),
                Html.Button("Cancel").id(id("cancel", index)).disabled(true),
                Html.Progress().id(id("progress", index)).value("0").max(String.valueOf(STEPS)),
                Html.Span("not run").id(id("result", index))).id(id("row", index));
    }

    private static Map<String, Object> id(String type, int index) {
        return Map.of("type", type, "index", index);
    }

    private static Map<String, Object> match(String type) {
        return Map.of("type", type, "index", MATCH);
    }

    @Override
    public Component layout() {
        return Html.Div(
                Html.Button("Add a row").id("add-row"),
                Html.Button("Remove the last row").id("remove-row"),
                Html.Div(List.of(row(0), row(1))).id("rows"),
                Html.P("2 rows, none done").id("summary"));
    }

    @Override
    public void callbacks(CallbackRegistry app) {
        app.callback(new Output("rows", "children"), new Input("add-row", "n_clicks"), new Input("remove-row", "n_clicks"),
                        new State("rows", "children"))
                .preventInitialCall()
                .handle(args -> {
                    boolean adding = io.jdash.callback.CallbackContext.callbackContext().triggeredId().equals("add-row");
                    List<?> rows = (List<?>) args.get(2);
                    if (adding) {
                        int next = rows.stream().mapToInt(RowsExample::indexOf).max().orElse(-1) + 1;
                        return new Patch().at().append(row(next));
                    }
                    return rows.isEmpty() ? io.jdash.callback.NoUpdate.noUpdate() : new Patch().at(-1).delete();
                });

        app.callback(new Output(match("result"), "children"), new Input(match("run"), "n_clicks"),
                        new State(match("run"), "id"))
                .preventInitialCall()
                .background()
                .running(new Running(new Output(match("run"), "disabled"), true, false),
                        new Running(new Output(match("cancel"), "disabled"), false, true))
                .cancel(new Input(match("cancel"), "n_clicks"))
                .progress(new Output(match("progress"), "value"))
                .handle((job, args) -> {
                    for (int step = 1; step <= STEPS; step++) {
                        job.sleep(300);
                        job.setProgress(String.valueOf(step));
                    }
                    return "row " + ((Map<?, ?>) args.get(1)).get("index") + " done (run " + args.get(0) + ")";
                });

        app.callback(new Output("summary", "children"), new Input(Map.of("type", "result", "index", ALL), "children"))
                .handle(args -> {
                    List<?> results = (List<?>) args.get(0);
                    long done = results.stream().filter(r -> String.valueOf(r).contains("done")).count();
                    return results.size() + " rows, " + (done == 0 ? "none" : String.valueOf(done)) + " done";
                });
    }

    /** The index of a row component as the page sends it back ({@code {props: {id: {index}}}}). */
    private static int indexOf(Object row) {
        if (row instanceof Map<?, ?> component && component.get("props") instanceof Map<?, ?> props
                && props.get("id") instanceof Map<?, ?> id && id.get("index") instanceof Number index) {
            return index.intValue();
        }
        return -1;
    }
}
