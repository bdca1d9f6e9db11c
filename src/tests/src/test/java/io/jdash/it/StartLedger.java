package io.jdash.it;

import java.util.ArrayList;
import java.util.List;

/**
 * One worker queue's start order, as its jobs record it (BenchApp): each job appends its tag when it starts. The
 * benchmark takes the entries of a run back through an ordinary callback and checks them against what it sent:
 * arrival order per queue without any timing assumption.
 */
final class StartLedger {

    private final List<String> tags = new ArrayList<>();

    synchronized void started(String tag) {
        tags.add(tag);
    }

    /** The entries starting with {@code prefix}, in start order; they leave the ledger (so it never grows). */
    synchronized List<String> take(String prefix) {
        List<String> taken = new ArrayList<>();
        tags.removeIf(tag -> tag.startsWith(prefix) && taken.add(tag));
        return taken;
    }
}
