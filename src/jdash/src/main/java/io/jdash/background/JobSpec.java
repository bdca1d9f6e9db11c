package io.jdash.background;

import java.util.List;

/**
 * Everything needed to run one background job, on any node: which callback of which app, with which
 * arguments, for whom, on which worker queue.
 *
 * @param id             unguessable (128 random bits)
 * @param owner          the owner token of the HTTP session that started the job
 * @param args           the input values, then the state values, as the callback declared them
 * @param changedPropIds the props whose change fired the job (callbackContext().triggeredPropIds())
 */
public record JobSpec(String id, String app, String callback, String owner, String queue,
                      List<Object> args, List<String> changedPropIds) {

    /** The worker queue of a background callback whose callback and app name none. */
    public static final String DEFAULT_QUEUE = "BackgroundCallbacks";

}
