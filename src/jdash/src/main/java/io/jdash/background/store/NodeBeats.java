package io.jdash.background.store;

import java.util.List;
import java.util.Set;

/**
 * The JVM runs (boots) of the nodes that share the job database, each with when it last said it was alive. Every node
 * beats every few seconds; a boot silent for longer than {@code jdash.node-lost-seconds} was killed or cut off, and
 * the first node to {@link #forget} it ends the jobs it was running ({@link JobStore#orphansOfBoot}). In memory (no
 * JDash datasource) there are no other nodes, and this knows none.
 */
public interface NodeBeats {

    /** Says that boot {@code boot} of {@code node} is alive at {@code nowMillis}. */
    void beat(String node, String boot, long nowMillis);

    /** The boots last heard of before {@code millis}. */
    List<NodeBoot> silentSince(long millis);

    /** The boots heard of since {@code millis}. */
    Set<String> aliveSince(long millis);

    /**
     * Forgets {@code boot} if it is still silent since {@code millis}; true for the one caller, of all the nodes, that
     * did (it then ends the boot's jobs).
     */
    boolean forget(String boot, long millis);

    /** An orderly stop: the boot's row goes, and nobody takes it for lost. */
    void leave(String boot);

    /** Whether other nodes can share this store (a database); false in memory. */
    boolean shared();

    /** A boot as the table keeps it. */
    record NodeBoot(String node, String boot, long seenAtMillis) {
    }

    /** No other node: the in-memory store's companion. */
    NodeBeats NONE = new NodeBeats() {
        @Override
        public void beat(String node, String boot, long nowMillis) {
        }

        @Override
        public List<NodeBoot> silentSince(long millis) {
            return List.of();
        }

        @Override
        public Set<String> aliveSince(long millis) {
            return Set.of();
        }

        @Override
        public boolean forget(String boot, long millis) {
            return false;
        }

        @Override
        public void leave(String boot) {
        }

        @Override
        public boolean shared() {
            return false;
        }
    };
}
