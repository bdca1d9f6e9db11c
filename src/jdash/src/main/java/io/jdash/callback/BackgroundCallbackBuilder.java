package io.jdash.callback;

import io.jdash.background.BackgroundManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The options of a background callback, in Dash's words, then {@link #handle(BackgroundFunction)}:
 *
 * <pre>{@code
 * app.callback(new Output("paragraph_id", "children"), new Input("button_id", "n_clicks"))
 *    .background()
 *    .running(new Running(new Output("button_id", "disabled"), true, false))
 *    .cancel(new Input("cancel_button_id", "n_clicks"))
 *    .handle((job, args) -> {
 *        job.sleep(2000);
 *        return "Clicked " + args.get(0) + " times";
 *    });
 * }</pre>
 */
public final class BackgroundCallbackBuilder {

    private final List<Output> outputs;
    private final List<Input> inputs;
    private final List<State> states;
    private final List<Dependency> parameters;
    private final boolean preventInitialCall;
    private final Consumer<Callback> register;
    private BackgroundManager manager;
    private String queue;
    private final List<Running> running = new ArrayList<>();
    private final List<Input> cancel = new ArrayList<>();
    private final List<Output> progress = new ArrayList<>();
    private List<Object> progressDefault;
    private boolean cancelPrevious = true;
    private boolean idempotent;
    private Function<Exception, Object> onError;
    private List<java.util.function.Supplier<?>> cacheBy;
    private final java.util.Set<Integer> cacheIgnoredIndexes = new java.util.HashSet<>();
    private final java.util.Set<String> cacheIgnoredPropIds = new java.util.HashSet<>();
    private java.time.Duration cacheExpiry = CachePolicy.DEFAULT_EXPIRY;
    private java.time.Duration expires;
    private java.time.Duration timeLimit;

    BackgroundCallbackBuilder(List<Output> outputs, List<Input> inputs, List<State> states, List<Dependency> parameters,
                              boolean preventInitialCall, Consumer<Callback> register) {
        this.outputs = outputs;
        this.inputs = inputs;
        this.states = states;
        this.parameters = parameters;
        this.preventInitialCall = preventInitialCall;
        this.register = register;
    }

    /** Dash's {@code manager=}: the manager for this callback, in place of the app's. */
    public BackgroundCallbackBuilder manager(BackgroundManager manager) {
        this.manager = manager;
        return this;
    }

    /** The worker queue this callback's jobs go to, in place of the app's (see docs/guide.md). */
    public BackgroundCallbackBuilder queue(String queue) {
        this.queue = queue;
        return this;
    }

    /** Dash's {@code running=[(Output, during, after), …]}. */
    public BackgroundCallbackBuilder running(Running... running) {
        this.running.addAll(Arrays.asList(running));
        return this;
    }

    /** Dash's {@code cancel=[Input, …]}: a change of any of these props cancels the job. */
    public BackgroundCallbackBuilder cancel(Input... cancel) {
        this.cancel.addAll(Arrays.asList(cancel));
        return this;
    }

    /** Dash's {@code progress=[Output, …]}: the outputs {@code setProgress} writes. */
    public BackgroundCallbackBuilder progress(Output... progress) {
        this.progress.addAll(Arrays.asList(progress));
        return this;
    }

    /** Dash's {@code progress_default}: one value per progress output, held whenever no job runs. */
    public BackgroundCallbackBuilder progressDefault(Object... values) {
        this.progressDefault = Arrays.asList(values);
        return this;
    }

    /**
     * Dash cancels a callback's running job when the same page fires the callback again; call this to let
     * the earlier job run on instead.
     */
    public BackgroundCallbackBuilder keepPreviousJob() {
        this.cancelPrevious = false;
        return this;
    }

    /**
     * Declares that running the job twice is harmless. A job whose server is killed while it runs then runs
     * again after the restart; otherwise it ends as the error "server lost".
     */
    public BackgroundCallbackBuilder idempotent() {
        this.idempotent = true;
        return this;
    }

    /** Dash's {@code on_error}: turns the job's exception into the outputs' values instead of an error. */
    public BackgroundCallbackBuilder onError(Function<Exception, Object> onError) {
        this.onError = onError;
        return this;
    }

    /**
     * Dash's {@code cache_by}: caches the job's result under the callback, its arguments, the props that fired it and
     * these functions' values; a later call with the same key — from any page — gets the result without a job.
     * With no functions, the arguments alone make the key.
     */
    public BackgroundCallbackBuilder cacheBy(java.util.function.Supplier<?>... keys) {
        this.cacheBy = List.of(keys);
        return this;
    }

    /** Dash's {@code cache_args_to_ignore} by position: these arguments (0 is the first) do not enter the cache key. */
    public BackgroundCallbackBuilder cacheArgsToIgnore(int... positions) {
        for (int position : positions) {
            cacheIgnoredIndexes.add(position);
        }
        return this;
    }

    /** Dash's {@code cache_args_to_ignore} by name: these inputs or states ({@code "id.property"}) do not enter the key. */
    public BackgroundCallbackBuilder cacheArgsToIgnore(String... propIds) {
        cacheIgnoredPropIds.addAll(List.of(propIds));
        return this;
    }

    /** How long a cached result stays usable (a day unless set). */
    public BackgroundCallbackBuilder cacheExpiry(java.time.Duration expiry) {
        this.cacheExpiry = expiry;
        return this;
    }

    /**
     * Celery's {@code expires}: a job still waiting on its queue this long after it was sent ends as expired (the
     * page hears why) instead of running. Zero: it never expires. Unset, the server's
     * {@code jdash.job-expiry-seconds} (an hour).
     */
    public BackgroundCallbackBuilder expires(java.time.Duration expires) {
        this.expires = requireNotNegative("expires", expires);
        return this;
    }

    /**
     * Celery's {@code time_limit}: a job running this long is stopped as a cancel stops it, and ends as an error that
     * says so; if its code ignores the stop, its worker is given up and replaced. Zero: no limit. Unset, the
     * server's {@code jdash.job-time-limit-seconds} (an hour).
     */
    public BackgroundCallbackBuilder timeLimit(java.time.Duration timeLimit) {
        this.timeLimit = requireNotNegative("timeLimit", timeLimit);
        return this;
    }

    private static java.time.Duration requireNotNegative(String what, java.time.Duration duration) {
        if (duration == null || duration.isNegative()) {
            throw new IllegalArgumentException(what + " needs a duration of zero or more, not " + duration);
        }
        return duration;
    }

    /** Registers the callback with its code, which runs as a background job. */
    public Callback handle(BackgroundFunction function) {
        if (progressDefault != null && progressDefault.size() != progress.size()) {
            throw new IllegalArgumentException("progressDefault needs one value per progress output ("
                    + progress.size() + "), got " + progressDefault.size());
        }
        var known = parameters.stream().map(Dependency::propId).toList();
        for (String propId : cacheIgnoredPropIds) {
            if (!known.contains(propId)) {
                throw new IllegalArgumentException("cacheArgsToIgnore names " + propId + ", which is not an input or state of"
                        + " this callback: " + known);
            }
        }
        WildcardRules.checkBackground(inputs, running.stream().map(Running::output).toList(), progress, cancel);
        CachePolicy cache = cacheBy == null ? null
                : new CachePolicy(cacheBy, cacheIgnoredIndexes, cacheIgnoredPropIds, cacheExpiry);
        var background = new Background(manager, queue, running, cancel, progress, progressDefault, cancelPrevious,
                idempotent, onError, function, cache, expires, timeLimit);
        var callback = new Callback(Callback.idFor(outputs, inputs), outputs, inputs, states, preventInitialCall,
                null, background, parameters, false);
        register.accept(callback);
        return callback;
    }
}
