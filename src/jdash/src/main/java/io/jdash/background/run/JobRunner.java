package io.jdash.background.run;

import io.jdash.app.AppCatalog;
import io.jdash.app.MountedApp;
import io.jdash.background.JobCancelled;
import io.jdash.background.JobHop;
import io.jdash.background.JobSpec;
import io.jdash.background.event.JobEvent;
import io.jdash.background.event.JobEventSink;
import io.jdash.background.event.JobEventType;
import io.jdash.callback.Callback;
import io.jdash.callback.CallbackArgs;
import io.jdash.callback.CallbackFailure;
import io.jdash.callback.CallbackInvoker;
import io.jdash.callback.CallbackResult;
import io.jdash.callback.NoUpdate;
import io.jdash.callback.PreventUpdate;
import io.jdash.config.JDashConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbException;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one job, on whichever thread a manager gives it: finds the app's callback, calls its code with a
 * {@link RunningJob}, and reports every step as a {@link JobEvent} to the sink: "running", then any
 * "progress" and "set_props", then exactly one of "done", "error" or "cancelled". A run past its time limit is stopped
 * and ends as an error ({@link JobTimeLimits}).
 */
@ApplicationScoped
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());

    @Inject
    AppCatalog catalog;

    @Inject
    JobTimeLimits timeLimits;

    /** Prepares a run; {@link #run} it on the worker thread. Fails for an app or callback this node lacks. */
    public RunningJob prepare(JobSpec spec, JobEventSink sink) {
        return new RunningJob(spec, callbackOf(spec), sink);
    }

    /** Runs the job to its end and publishes that end; returns the event type it ended with. */
    public JobEventType run(JobSpec spec, RunningJob execution, JobEventSink sink) {
        Callback callback = callbackOf(spec);
        JobEvent end;
        execution.bindToCurrentThread();
        ScheduledFuture<?> limit = timeLimits.watch(spec, execution,
                JDashConfig.current().jobLimits().timeLimitOf(callback.background().timeLimit()).orElse(null), sink);
        try {
            execution.checkCancelled();
            sink.publish(spec, JobEvent.of(spec.id(), spec.callback(), JobEventType.running));
            CallbackArgs args = CallbackInvoker.bindValues(callback, spec.args(), spec.changedPropIds());
            Object returned = CallbackInvoker.callInContext(args, execution::setProps,
                    () -> callback.background().function().apply(execution, args));
            JobHop.mark(spec.id(), JobHop.USER_END);
            end = JobEvent.done(spec.id(), spec.callback(), outputsOf(callback, returned));
        } catch (PreventUpdate prevented) {
            end = JobEvent.done(spec.id(), spec.callback(), Map.of());
        } catch (JobCancelled cancelled) {
            end = stopped(spec, execution);
        } catch (Exception failure) {
            end = execution.isCancelled() // e.g. an InterruptedException of the job's own code
                    ? stopped(spec, execution)
                    : failed(spec, callback, failure);
        } finally {
            // unbound first: a cancel must not interrupt the thread while it writes the end (JDBC refuses then)
            execution.unbindThread();
            if (limit != null) {
                limit.cancel(false);
            }
        }
        if (end == null) { // stopped by a redeploy, to run again: no end, the record stays running for the recovery
            execution.takeEnd();
            LOG.info(() -> "job " + spec.id() + " was stopped by a redeploy; it runs again (idempotent)");
            return JobEventType.cancelled;
        }
        if (end.type() == JobEventType.done) {
            end = writable(spec, end);
        }
        if (!execution.takeEnd()) { // it ignored a stop and was given up: its end was published then
            LOG.info(() -> "job " + spec.id() + " returned after it had been given up; what it returned is dropped");
            return end.type();
        }
        JobHop.mark(spec.id(), JobHop.PUBLISH);
        sink.publish(spec, end);
        return end.type();
    }

    /**
     * The end of a stopped run: cancelled, the error of its time limit, the error of a redeploy, or none (null) when a
     * redeploy stopped an idempotent job that runs again.
     */
    private static JobEvent stopped(JobSpec spec, RunningJob execution) {
        if (execution.redeploy() != null) {
            return execution.redeploy() == RunningJob.Redeploy.RERUN ? null
                    : JobEvent.error(spec.id(), spec.callback(), JobEvent.SERVER_REDEPLOYED);
        }
        String timeLimit = execution.timeLimitMessage();
        return timeLimit != null ? JobEvent.error(spec.id(), spec.callback(), timeLimit)
                : JobEvent.of(spec.id(), spec.callback(), JobEventType.cancelled);
    }

    /**
     * The "done" event, or an error saying why it cannot be sent when its values cannot be written as JSON (say, a
     * NaN in a primitive field of the app's own record): without this the end could be neither stored nor pushed,
     * and the page would wait for ever.
     */
    private JobEvent writable(JobSpec spec, JobEvent done) {
        try {
            return JobOutputLimit.checked(done, "the job's result");
        } catch (CallbackFailure tooBig) {
            LOG.warning(() -> "job " + spec.id() + " of " + spec.callback() + " in app " + spec.app() + ": "
                    + tooBig.getMessage());
            return JobEvent.error(spec.id(), spec.callback(), tooBig.getMessage());
        } catch (JsonbException unwritable) {
            Throwable cause = unwritable;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            LOG.log(Level.WARNING, "job " + spec.id() + " of " + spec.callback() + " in app " + spec.app()
                    + " returned a result that cannot be written as JSON", unwritable);
            return JobEvent.error(spec.id(), spec.callback(), "the job's result cannot be sent to the page as JSON: "
                    + unwritable.getMessage() + " (" + cause.getMessage() + ")");
        }
    }

    private JobEvent failed(JobSpec spec, Callback callback, Exception failure) {
        var onError = callback.background().onError();
        if (onError != null && !(failure instanceof CallbackFailure)) {
            try {
                Object replacement = onError.apply(failure);
                if (replacement == null) { // as in Dash: the handler returned nothing, so nothing changes
                    replacement = NoUpdate.forEveryOutput(callback);
                }
                LOG.log(Level.INFO, "job " + spec.id() + " of " + spec.callback() + " failed; onError handled it", failure);
                return JobEvent.done(spec.id(), spec.callback(), outputsOf(callback, replacement));
            } catch (RuntimeException hookFailed) {
                failure.addSuppressed(hookFailed);
            }
        }
        LOG.log(Level.WARNING, "job " + spec.id() + " of callback " + spec.callback() + " in app " + spec.app() + " failed",
                failure);
        String message = failure instanceof CallbackFailure ? failure.getMessage() : CallbackInvoker.describe(failure);
        return JobEvent.error(spec.id(), spec.callback(), JobOutputLimit.shortened(message));
    }

    private static Map<String, Map<String, Object>> outputsOf(Callback callback, Object returned) {
        CallbackResult result = CallbackInvoker.mapResult(callback, returned);
        return result instanceof CallbackResult.Updated updated ? updated.props() : Map.of();
    }

    private Callback callbackOf(JobSpec spec) {
        MountedApp app = catalog.find(spec.app())
                .orElseThrow(() -> new IllegalStateException("job " + spec.id() + ": no app " + spec.app() + " here"));
        return app.callbacks().find(spec.callback())
                .filter(Callback::isBackground)
                .orElseThrow(() -> new IllegalStateException("job " + spec.id() + ": app " + spec.app()
                        + " has no background callback " + spec.callback()));
    }
}
