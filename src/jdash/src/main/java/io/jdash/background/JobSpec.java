package io.jdash.background;

import jakarta.json.bind.annotation.JsonbCreator;
import java.util.List;

/**
 * Everything needed to run one background job, on any node: which callback of which app, with which
 * arguments, for whom, on which worker queue.
 *
 * @param id             unguessable (128 random bits)
 * @param owner          the owner token of the HTTP session that started the job
 * @param args           the input values, then the state values, as the callback declared them
 * @param changedPropIds the props whose change fired the job (callbackContext().triggeredPropIds())
 * @param expiresAtMillis when the job, if it has not started, ends as expired instead (epoch millis; 0: never)
 */
public record JobSpec(String id, String app, String callback, String owner, String queue,
                      List<Object> args, List<String> changedPropIds, long expiresAtMillis) {

    /** The one JSON-B reads (a message sent before the expiry existed has none: it never expires). */
    @JsonbCreator
    public JobSpec {
    }

    /** A job that never expires. */
    public JobSpec(String id, String app, String callback, String owner, String queue, List<Object> args,
                   List<String> changedPropIds) {
        this(id, app, callback, owner, queue, args, changedPropIds, 0);
    }

    /** Whether the job, not yet started, has waited past its expiry at {@code nowMillis}. */
    public boolean expiredAt(long nowMillis) {
        return expiresAtMillis > 0 && nowMillis >= expiresAtMillis;
    }

    /** The worker queue of a background callback whose callback and app name none. */
    public static final String DEFAULT_QUEUE = "BackgroundCallbacks";

}
