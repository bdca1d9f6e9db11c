package io.jdash.push;

import io.jdash.config.JDashConfig;
/**
 * How far behind a page's socket may fall: messages queued and not yet sent, by count and by characters.
 * Past either limit the page is too slow (or gone) and its socket is closed, so a page that stops reading holds
 * neither the job nor server memory. System properties {@code jdash.max-push-backlog} (10,000 messages) and
 * {@code jdash.max-push-backlog-bytes} (4 MiB, counted as characters: the messages are JSON, nearly all ASCII).
 * A job in a tight loop queues its events far faster than any page reads them (ProgressPushIT's 4,000 at once):
 * a burst is what the kernel's socket buffers and this backlog absorb, so the count limit is set above such
 * bursts and the size limit is the one that bounds memory.
 */
record Backlog(int maxMessages, long maxChars) {

    static Backlog configured() {
        JDashConfig config = JDashConfig.current();
        return new Backlog(config.maxPushBacklog(), config.maxPushBacklogBytes());
    }

    boolean exceededBy(int messages, long chars) {
        return messages > maxMessages || chars > maxChars;
    }
}
