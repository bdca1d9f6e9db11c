package io.jdash.background.run;

import io.jdash.background.event.JobEvent;
import io.jdash.callback.CallbackFailure;
import io.jdash.config.JDashConfig;
import io.jdash.json.JsonCodec;

/**
 * The size a job's result, one of its {@code setProgress} or one of its {@code setProps} may have as JSON
 * ({@code jdash.max-result-bytes}, 2 MiB): checked before the event goes anywhere, so an oversized one never reaches
 * the job database, the JobEvents topic or a page's socket (a 50 MB result once took the events consumer and the
 * database down for every app). Past it the job ends with an error that says what was too big.
 */
final class JobOutputLimit {

    /** The most of an error message kept: the rest of a huge message is dropped, with a note. */
    static final int MAX_MESSAGE_CHARS = 4000;

    private JobOutputLimit() {
    }

    /** {@code event}, or the failure that ends the job when its JSON passes the limit ({@code what}: "setProps"…). */
    static JobEvent checked(JobEvent event, String what) {
        long limit = JDashConfig.current().maxResultBytes();
        int size = JsonCodec.toJson(event).length(); // characters: JSON is nearly all ASCII
        if (size > limit) {
            throw new CallbackFailure(what + " of " + size + " bytes as JSON is over the limit of " + limit
                    + " bytes (jdash.max-result-bytes)", null);
        }
        return event;
    }

    /** An error message cut to {@value #MAX_MESSAGE_CHARS} characters. */
    static String shortened(String message) {
        return message == null || message.length() <= MAX_MESSAGE_CHARS ? message
                : message.substring(0, MAX_MESSAGE_CHARS) + "… (" + (message.length() - MAX_MESSAGE_CHARS) + " more characters)";
    }
}
