package io.jdash.push;

import io.jdash.callback.Callback;
import io.jdash.callback.JobTargets;

/**
 * A job of Dash's renderer's page: which page load (renderer id) shows it and, when that page started it over the
 * socket, the request the job's end answers. Changed only while the job's {@code TrackedJob} lock is held; the
 * flags other jobs' threads read are volatile.
 */
final class JobWatch {

    final String job;
    final Callback callback;
    /** The components a pattern-matching job writes (its outputs, running and progress ids). */
    final JobTargets targets;
    final String renderer;
    /** The callback request the job's end answers, or null once answered or for a job a page took up. */
    String requestId;
    /** The socket the request came on: the answer can go only there. */
    PushConnection requestConnection;
    /**
     * The socket the job's state so far was sent on: live events go only there. A page load that moves to a new
     * socket hears nothing live until its replay went (both happen under the job's lock, the replay just after).
     */
    PushConnection shownOn;
    /** Whether this page started the job (a new request of the same callback then supersedes it). */
    final boolean startedHere;
    /** A newer request of the same callback from the same page replaced it: none of its updates are shown. */
    volatile boolean superseded;
    volatile boolean ended;
    /**
     * A callback's result showed the job's components again (the user came back to its page of a multi-page app):
     * the renderer dropped the request when they went, so the job's end comes as {@code set_props}.
     */
    boolean shownAgain;

    private JobWatch(String job, Callback callback, JobTargets targets, String renderer, String requestId,
                     PushConnection connection, boolean startedHere) {
        this.job = job;
        this.callback = callback;
        this.targets = targets;
        this.renderer = renderer;
        this.requestId = requestId;
        this.requestConnection = connection;
        this.shownOn = connection;
        this.startedHere = startedHere;
    }

    static JobWatch started(String job, Callback callback, JobTargets targets, String renderer, String requestId,
                            PushConnection connection) {
        return new JobWatch(job, callback, targets, renderer, requestId, connection, true);
    }

    static JobWatch takenUp(String job, Callback callback, JobTargets targets, String renderer) {
        return new JobWatch(job, callback, targets, renderer, null, null, false);
    }

    /** Whether the job's end can still answer its request: the page is on the socket the request came by. */
    boolean requestAnswerableOn(PushConnection connection) {
        return requestId != null && requestConnection == connection && connection.isOpen();
    }
}
