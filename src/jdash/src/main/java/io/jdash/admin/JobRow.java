package io.jdash.admin;

import io.jdash.background.event.JobState;
import io.jdash.background.store.StoredJob;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One job as the admin view shows it: where it is (app, callback, queue, node), whose (its owner hashed: the view
 * never shows an owner cookie, which would let its reader act as that visitor), its state, how long ago it was
 * accepted and how long it has run.
 *
 * @param durationMillis how long it ran (until now, if it runs); -1 when it never started
 * @param note           an ended job's error message, else empty
 */
public record JobRow(String id, String app, String callback, String queue, String node, String owner, JobState state,
                     long ageMillis, long durationMillis, String note) {

    /** The row of {@code job} at {@code nowMillis}. */
    public static JobRow of(StoredJob job, long nowMillis) {
        long started = job.startedAtMillis();
        long duration = started <= 0 ? -1
                : Math.max(0, (job.state().isEnded() && job.endedAtMillis() > 0 ? job.endedAtMillis() : nowMillis) - started);
        String note = job.end() != null && job.end().message() != null ? job.end().message() : "";
        return new JobRow(job.id(), job.app(), job.callback(), job.queue(), job.node(), hashed(job.owner()), job.state(),
                Math.max(0, nowMillis - job.acceptedAtMillis()), duration, note);
    }

    /** The first 10 hex digits of the owner's SHA-256: the same owner reads the same, and the cookie stays secret. */
    static String hashed(String owner) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(owner.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 5);
        } catch (NoSuchAlgorithmException everyJvmHasIt) {
            throw new IllegalStateException(everyJvmHasIt);
        }
    }

    /** A duration for a person: "850 ms", "12 s", "3 min 4 s", "2 h 5 min"; "—" for -1 (never). */
    static String human(long millis) {
        if (millis < 0) {
            return "—";
        }
        if (millis < 1000) {
            return millis + " ms";
        }
        long seconds = millis / 1000;
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }
}
