package io.jdash.web;

import io.jdash.access.OwnerCookie;
import io.jdash.background.jobs.BackgroundJobs;
import io.jdash.background.jobs.TrackedJob;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The session's job API, for what is not Dash's renderer (a script, a monitor, a test): {@code GET _jdash-jobs/}
 * lists the session's jobs of the app, oldest first ({@code [{job, callback, state}]}); {@code GET
 * _jdash-jobs/<job>?after=<seq>} answers a job's state and its recorded events after the cursor (Celery's
 * {@code AsyncResult} state, with every progress and {@code set_props}); {@code DELETE _jdash-jobs/<job>} cancels it
 * (with the CSRF token). A job of another owner answers 404, exactly as one that does not exist. Pages never use it:
 * they hear their jobs on Dash's socket or through Dash's HTTP polling.
 */
final class JobEndpoint {

    static final String PATH = "_jdash-jobs/";

    private JobEndpoint() {
    }

    /** One line of the list: a job and where it is. */
    public record JobLine(String job, String callback, io.jdash.background.event.JobState state) {
    }

    static void handle(BackgroundJobs jobs, CsrfGuard csrf, String app, String jobId, HttpServletRequest request,
                       HttpServletResponse response) throws IOException {
        String owner = OwnerCookie.read(request);
        jobs.seenFrom(owner, request.getRemoteAddr()); // a script that follows its jobs keeps them
        if (jobId.isEmpty() && (request.getMethod().equals("GET") || request.getMethod().equals("HEAD"))) {
            Responses.json(response, 200, jobs.list(owner, app).stream()
                    .map(job -> new JobLine(job.id(), job.callback(), job.state())).toList());
            return;
        }
        switch (request.getMethod()) {
            case "GET" -> {
                TrackedJob job = jobs.find(owner, jobId).orElseThrow(() -> notFound(jobId));
                long after = cursor(request.getParameter("after"));
                Responses.json(response, 200, new JobStatus(job.id(), job.callback(), job.state(), job.eventsAfter(after)));
            }
            case "DELETE" -> {
                csrf.check(request);
                if (!jobs.cancel(owner, jobId)) {
                    throw notFound(jobId);
                }
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            }
            default -> throw new HttpError(405, request.getMethod() + " is not allowed here; use GET or DELETE");
        }
    }

    private static long cursor(String after) {
        if (after == null || after.isEmpty()) {
            return -1;
        }
        try {
            return Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw new HttpError(400, "'after' must be an event seq number, not '" + after + "'");
        }
    }

    private static HttpError notFound(String jobId) {
        return new HttpError(404, "no job " + jobId);
    }
}
