package io.jdash.web;

import jakarta.servlet.http.HttpSession;
import io.jdash.background.jobs.JobIds;

/**
 * The owner token of an HTTP session: a random value kept in the session, naming whose jobs are whose.
 * Random rather than the session id, which the container may change (on login) and which is a secret
 * cookie value that job records should not hold.
 */
public final class SessionOwner {

    private static final String ATTRIBUTE = "io.jdash.owner";

    private SessionOwner() {
    }

    public static String of(HttpSession session) {
        synchronized (session) {
            Object owner = session.getAttribute(ATTRIBUTE);
            if (owner == null) {
                owner = JobIds.next();
                session.setAttribute(ATTRIBUTE, owner);
            }
            return (String) owner;
        }
    }

    /** The token of an existing session, or {@code null} when there is none (nothing is owned then). */
    public static String ofExisting(HttpSession session) {
        return session == null ? null : (String) session.getAttribute(ATTRIBUTE);
    }
}
