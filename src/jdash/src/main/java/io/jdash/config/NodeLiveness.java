package io.jdash.config;

import java.time.Duration;

/**
 * How the nodes that share one job database tell each other they are alive.
 *
 * @param beat      {@code jdash.node-heartbeat-seconds}: how often a node writes that it is alive (5 s, at least 1)
 * @param lostAfter {@code jdash.node-lost-seconds}: a node silent this long is taken for lost (killed, cut off, or
 *                  stopped without an orderly undeploy): the first other node to notice ends the jobs it was running as
 *                  "server lost", or queues an idempotent callback's job again (30 s; at least three beats, so that
 *                  one slow write never loses a live node)
 */
public record NodeLiveness(Duration beat, Duration lostAfter) {

    public static final Duration DEFAULT_BEAT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_LOST_AFTER = Duration.ofSeconds(30);

    /** The settings, each raised to its minimum. */
    public static NodeLiveness of(Duration beat, Duration lostAfter) {
        Duration atLeastOneSecond = beat.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : beat;
        Duration threeBeats = atLeastOneSecond.multipliedBy(3);
        return new NodeLiveness(atLeastOneSecond, lostAfter.compareTo(threeBeats) < 0 ? threeBeats : lostAfter);
    }
}
