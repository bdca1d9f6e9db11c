package io.jdash.web;

import io.jdash.access.OwnerCookie;
import io.jdash.app.MountedApp;
import io.jdash.background.event.JobEvent;
import io.jdash.background.event.JobEventType;
import io.jdash.background.jobs.BackgroundJobs;
import io.jdash.background.jobs.JobLimitReached;
import io.jdash.background.jobs.TrackedJob;
import io.jdash.callback.BadCallbackRequest;
import io.jdash.callback.Callback;
import io.jdash.callback.CallbackArgs;
import io.jdash.callback.CallbackInvoker;
import io.jdash.callback.ComponentIds;
import io.jdash.callback.JobTargets;
import io.jdash.callback.Output;
import io.jdash.callback.UpdateRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Dash's HTTP background-callback protocol, for pages without the app's WebSocket. The first
 * {@code POST _dash-update-component} of a background callback queues the job and answers
 * {@code {cacheKey, job, cancel}}; the page then posts {@code ?cacheKey=…&job=…} every
 * {@link io.jdash.callback.DashDependency#POLL_INTERVAL_MILLIS} ms and each answer carries the job's news:
 * {@code progress} and {@code sideUpdate} (its {@code set_props}), and at the end {@code response} with its outputs
 * and the values its end resets (the {@code running} values' "after", the progress defaults), in one answer so that
 * the page shows them in one render; a cancelled job answers those alone, a failed one sends them and then its
 * error. Unlike Dash, no update is lost between two polls: an
 * answer carries the updates since the last one up to the first that would overwrite a prop already in it, and the
 * next poll carries on from there, so every value reaches the page, in order. {@code ?cancelJob=<job>} (sent by the
 * cancel callbacks) and {@code ?oldJob=<job>} (a newer request of the same callback) cancel the session's jobs.
 */
final class DashBackgroundPolling {

    private DashBackgroundPolling() {
    }

    /** Cancels the jobs named by {@code cancelJob} parameters: the page changed one of their cancel inputs. */
    static void cancelNamedJobs(BackgroundJobs jobs, HttpServletRequest request) {
        String[] named = request.getParameterValues("cancelJob");
        if (named != null) {
            String owner = OwnerCookie.read(request);
            for (String job : named) {
                jobs.cancel(owner, job);
            }
        }
    }

    static void handle(MountedApp app, BackgroundJobs jobs, Callback callback, UpdateRequest update,
                       HttpServletRequest request, HttpServletResponse response, long arrived) throws IOException {
        String owner = OwnerCookie.read(request);
        String jobId = request.getParameter("job");
        jobs.seenFrom(owner, request.getRemoteAddr()); // a page that polls is open: its waiting jobs are kept
        if (jobId != null) {
            TrackedJob job = jobs.find(owner, jobId).filter(found -> found.callback().equals(callback.id()))
                    .orElseThrow(() -> new HttpError(404, "no job " + jobId + " of callback " + callback.id()
                            + ": the server may have restarted; run the callback again"));
            answerPoll(jobs, job, callback, targetsOf(callback, update), response);
            return;
        }
        CallbackArgs args;
        try {
            args = CallbackInvoker.bind(callback, update);
        } catch (BadCallbackRequest bad) {
            throw new HttpError(400, bad.getMessage());
        }
        String job;
        try {
            job = jobs.submit(app, callback, args, owner, request.getParameter("oldJob"), arrived);
        } catch (JobLimitReached tooMany) {
            // 429 with the running values' and progress defaults' reset, which the page applies (renderer-init.js):
            // no job will reset them
            var refusal = new LinkedHashMap<String, Object>();
            refusal.put("error", tooMany.getMessage());
            refusal.put("reset", endReset(callback, JobTargets.of(callback, args)));
            Responses.json(response, 429, refusal);
            return;
        }
        TrackedJob tracked = jobs.find(owner, job).orElseThrow();
        if (tracked.state().isEnded()
                && tracked.eventsAfter(-1).stream().noneMatch(e -> e.type() == JobEventType.running)) {
            // it ended without running: a cached result (or one that could not be queued), in the first answer as
            // Dash's; a job that ran and ended already is named like any other, so its client can follow it
            answerPoll(jobs, tracked, callback, JobTargets.of(callback, args), response);
            return;
        }
        var accepted = new LinkedHashMap<String, Object>();
        accepted.put("cacheKey", job);
        accepted.put("job", job);
        if (!callback.background().cancel().isEmpty()) {
            accepted.put("cancel", callback.background().cancel().stream()
                    .map(input -> Map.of("id", ComponentIds.stringify(input.id()), "property", input.property())).toList());
        }
        Responses.json(response, 200, accepted);
    }

    /** The job's news since the last poll (see the class comment), and its end once everything before it went out. */
    /** A poll names the same components as the first request (its values are left out): the job's targets. */
    private static JobTargets targetsOf(Callback callback, UpdateRequest poll) {
        try {
            return JobTargets.of(callback, CallbackInvoker.bind(callback, poll));
        } catch (BadCallbackRequest notAsFirstSent) {
            return JobTargets.NONE;
        }
    }

    private static void answerPoll(BackgroundJobs jobs, TrackedJob job, Callback callback, JobTargets targets,
                                   HttpServletResponse response) throws IOException {
        var progress = new LinkedHashMap<String, Object>();
        var sideUpdate = new LinkedHashMap<String, Map<String, Object>>();
        Set<String> touched = new HashSet<>();
        JobEvent end = null;
        synchronized (job) {
            long upTo = job.polledUpTo();
            events:
            for (JobEvent event : job.eventsAfter(upTo)) {
                switch (event.type()) {
                    case progress -> {
                        List<Output> outputs = callback.background().progress().stream().map(targets::resolve).toList();
                        var values = event.progress() == null ? List.of() : event.progress();
                        for (int i = 0; i < outputs.size() && i < values.size(); i++) {
                            if (values.get(i) != null && touched.contains(outputs.get(i).propId())) {
                                break events;
                            }
                        }
                        for (int i = 0; i < outputs.size() && i < values.size(); i++) {
                            if (values.get(i) != null) {
                                touched.add(outputs.get(i).propId());
                                progress.put(outputs.get(i).propId(), values.get(i));
                            }
                        }
                    }
                    case set_props -> {
                        Map<String, Object> props = event.props() == null ? Map.of() : event.props();
                        if (props.keySet().stream().anyMatch(prop -> touched.contains(event.id() + "." + prop))) {
                            break events;
                        }
                        props.keySet().forEach(prop -> touched.add(event.id() + "." + prop));
                        sideUpdate.computeIfAbsent(event.id(), id -> new LinkedHashMap<>()).putAll(props);
                    }
                    case done, error, cancelled -> {
                        if (event.type() == JobEventType.done || touched.isEmpty()) {
                            end = event;
                        }
                        if (end == null) {
                            break events; // the updates go first; the next poll carries the end
                        }
                    }
                    default -> {
                    }
                }
                upTo = event.seq();
                if (end != null) {
                    break;
                }
            }
            job.polledUpTo(upTo);
        }
        var answer = new LinkedHashMap<String, Object>();
        if (end != null && end.type().endsWithMessage()) {
            if (job.markEndResetPolled() && !endReset(callback, targets).isEmpty()) {
                answer.put("sideUpdate", endReset(callback, targets)); // first the reset, then (next poll) the error
                Responses.json(response, 200, answer);
                return;
            }
            jobs.endHeard(job.id());
            Responses.error(response, 500, end.message());
            return;
        }
        if (end != null) {
            jobs.endHeard(job.id());
        }
        if (!progress.isEmpty()) {
            answer.put("progress", progress);
        }
        if (!sideUpdate.isEmpty()) {
            answer.put("sideUpdate", sideUpdate);
        }
        if (end != null) { // done or cancelled: the reset and the outputs in one answer
            var props = endReset(callback, targets);
            if (end.type() == JobEventType.done && end.response() != null) {
                targets.place(callback, end.response()).forEach((id, values) -> props.computeIfAbsent(id, k -> new LinkedHashMap<>()).putAll(values));
            }
            answer.put("multi", true);
            answer.put("response", props);
        }
        Responses.json(response, 200, answer);
    }

    /** The values a job's end resets: its running values' "after" and its progress defaults, {@code {id: {prop: v}}}. */
    private static Map<String, Map<String, Object>> endReset(Callback callback, JobTargets targets) {
        var props = new LinkedHashMap<String, Map<String, Object>>();
        callback.background().running().forEach(r -> props.computeIfAbsent(ComponentIds.stringify(targets.resolve(r.output().id())),
                id -> new LinkedHashMap<>()).put(r.output().property(), r.after()));
        List<Object> defaults = callback.background().progressDefault();
        List<Output> outputs = callback.background().progress().stream().map(targets::resolve).toList();
        for (int i = 0; defaults != null && i < outputs.size() && i < defaults.size(); i++) {
            props.computeIfAbsent(ComponentIds.stringify(outputs.get(i).id()), id -> new LinkedHashMap<>())
                    .put(outputs.get(i).property(), defaults.get(i));
        }
        return props;
    }

}
