package io.jdash.background.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdash.background.event.JobEvent;
import io.jdash.background.event.JobState;
import io.jdash.background.store.JobStore.Claim;
import io.jdash.json.JsonCodec;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The database store on H2 (the server's default database), including what happens across a restart. */
class JdbcJobStoreTest extends JobStoreContract {

    private JdbcDataSource h2;

    @BeforeEach
    void freshDatabase() {
        h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + JobIds.next() + ";DB_CLOSE_DELAY=-1");
    }

    /** The database the stores of a test share (a subclass runs the same tests on another database). */
    DataSource database() {
        return h2;
    }

    @Override
    JobStore store(String boot) {
        return new JdbcJobStore(database(), boot);
    }

    @Test
    void aJobRunningWhenItsServerDiedIsLostOrRerunButNeverTwice() {
        JobStore before = store("boot-1");
        before.accepted(spec("lost"), "jms", NODE);
        before.accepted(spec("again"), "jms", NODE);
        before.accepted(spec("waiting"), "jms", NODE);
        assertEquals(Claim.RUN, before.claim("lost", NODE, false));
        assertEquals(Claim.RUN, before.claim("again", NODE, true));

        JobStore after = store("boot-2"); // the server was killed and started again
        assertEquals(Claim.LOST, after.claim("lost", NODE, false));
        assertTrue(after.finish("lost", JobEvent.serverLost("lost", "out.children")));
        assertEquals(Claim.SKIP, after.claim("lost", NODE, false));
        assertEquals(Claim.RERUN, after.claim("again", NODE, true));
        assertEquals(Claim.SKIP, after.claim("again", NODE, true), "the re-run has it now");
        assertEquals(Claim.RUN, after.claim("waiting", NODE, false), "a job still queued runs after the restart");
    }

    @Test
    void orphansAreTheRunningJobsAndLocalQueuesOfEarlierRunsOfThisNode() {
        JobStore before = store("boot-1");
        before.accepted(spec("jms-running"), "jms", NODE);
        before.accepted(spec("jms-queued"), "jms", NODE);
        before.accepted(spec("local-queued"), "local", NODE);
        before.accepted(spec("other-node"), "jms", "node-b");
        before.claim("jms-running", NODE, false);
        before.claim("other-node", "node-b", false);

        JobStore after = store("boot-2");
        assertEquals(Set.of("jms-running", "local-queued"),
                after.orphansOf(NODE).stream().map(StoredJob::id).collect(Collectors.toSet()));
        after.accepted(spec("new-local"), "local", NODE);
        assertEquals(2, after.orphansOf(NODE).size(), "this run's own jobs are no orphans");
    }

    @Test
    void anIdempotentJobLostWithItsServerIsQueuedAgainFromItsKeptSpecOnce() {
        JobStore before = store("boot-1");
        before.accepted(spec("again"), "jms", NODE, true);
        before.accepted(spec("once"), "jms", NODE, false);
        before.claim("again", NODE, true);
        before.claim("once", NODE, false);

        JobStore after = store("boot-2");
        StoredJob lost = after.orphansOf(NODE).stream().filter(job -> job.id().equals("again")).findFirst().orElseThrow();
        assertEquals(JsonCodec.toJson(spec("again")), JsonCodec.toJson(lost.spec()),
                "the spec of a rerunnable job is kept whole (as its message carries it)");
        assertEquals(null, after.orphansOf(NODE).stream().filter(job -> job.id().equals("once")).findFirst()
                .orElseThrow().spec(), "no spec is kept for a job that never runs again");
        assertTrue(after.requeue("again", "boot-1"));
        assertFalse(after.requeue("again", "boot-1"), "queued again once");
        assertEquals(Set.of("once"), after.orphansOf(NODE).stream().map(StoredJob::id).collect(Collectors.toSet()),
                "a job queued again is no orphan");
        assertEquals(Claim.RUN, after.claim("again", NODE, true), "its new message runs it");
        assertFalse(after.requeue("once", "boot-2"), "a job this run has is not lost");
    }

    @Test
    void aTableMadeBeforeSpecsWereKeptGetsTheColumn() throws Exception {
        try (var connection = database().getConnection(); var statement = connection.createStatement()) {
            statement.execute(JdbcJobStore.TABLE.replace(",\n                spec TEXT", ""));
        }
        JobStore store = store("boot-1");
        store.accepted(spec("j"), "jms", NODE, true);
        assertEquals(Claim.RUN, store.claim("j", NODE, true));
    }

    @Test
    void aRestartedRegistrySeesUnfinishedJobsAndUnheardEnds() {
        JobStore store = store("boot-1");
        store.accepted(spec("heard"), "jms", NODE);
        store.accepted(spec("unheard"), "jms", NODE);
        store.accepted(spec("queued"), "jms", NODE);
        store.claim("heard", NODE, false);
        store.claim("unheard", NODE, false);
        store.finish("heard", done("heard"));
        store.finish("unheard", done("unheard"));
        store.endHeard("heard");

        List<StoredJob> attention = store("boot-2").needingAttention(0);
        assertEquals(Set.of("unheard", "queued"), attention.stream().map(StoredJob::id).collect(Collectors.toSet()));
        StoredJob unheard = attention.stream().filter(job -> job.id().equals("unheard")).findFirst().orElseThrow();
        assertEquals(JobState.DONE, unheard.state());
        assertEquals(done("unheard").response(), unheard.end().response(), "the end keeps its outputs");
        assertEquals("owner-1", unheard.owner(), "ownership survives the restart");
    }

    @Test
    void purgingForgetsOldEndsAndTheBatchHistoryOfTheSameAge() throws Exception {
        JobStore store = store("boot-1");
        try (var connection = database().getConnection(); var sql = connection.createStatement()) {
            // the shape of JBeret's two tables that matter here, with its cascading key
            sql.execute("CREATE TABLE job_instance (jobinstanceid BIGINT PRIMARY KEY)");
            sql.execute("CREATE TABLE job_execution (jobexecutionid BIGINT PRIMARY KEY, jobinstanceid BIGINT"
                    + " REFERENCES job_instance ON DELETE CASCADE, endtime TIMESTAMP)");
            sql.execute("INSERT INTO job_instance VALUES (1), (2), (3)");
            sql.execute("INSERT INTO job_execution VALUES (10, 1, TIMESTAMP '2020-01-01 00:00:00'),"
                    + " (20, 2, CURRENT_TIMESTAMP), (30, 3, NULL)");
        }
        store.accepted(spec("old"), "jms", NODE);
        store.claim("old", NODE, false);
        store.finish("old", done("old"));
        store.accepted(spec("going"), "jms", NODE);

        assertEquals(1, store.purgeEndedBefore(System.currentTimeMillis() + 1000));
        assertEquals(Set.of("going"), store.needingAttention(0).stream().map(StoredJob::id).collect(Collectors.toSet()));
        try (var connection = database().getConnection(); var sql = connection.createStatement();
             var rows = sql.executeQuery("SELECT jobinstanceid FROM job_instance ORDER BY 1")) {
            List<Long> left = new java.util.ArrayList<>();
            while (rows.next()) {
                left.add(rows.getLong(1));
            }
            assertEquals(List.of(3L), left, "instances ended before the cutoff are gone; a running one stays");
        }
    }

    @Test
    void anotherNodesLostRunLeavesItsRunningAndLocalJobsButNotItsQueuedProductionOnes() {
        JobStore webNode = store("boot-web");
        JobStore lostWorker = store("boot-lost");
        webNode.accepted(spec("queued-jms"), "jms", "web");
        webNode.accepted(spec("ran-on-lost"), "jms", "web");
        assertEquals(Claim.RUN, lostWorker.claim("ran-on-lost", "worker", false));
        lostWorker.accepted(spec("local-on-lost"), "local", "worker");
        assertEquals(List.of("ran-on-lost", "local-on-lost"),
                webNode.orphansOfBoot("boot-lost").stream().map(StoredJob::id).toList());
        assertEquals(List.of(), webNode.orphansOfBoot("boot-web"), "a queued production job waits on the broker");
    }

    @Test
    void aHeldMarkNamesTheRunWhoseConsumerHoldsAQueuedJobAndGoesWithARequeue() {
        JobStore web = store("boot-web");
        JobStore worker = store("boot-worker");
        web.accepted(spec("waits"), "jms", "web");
        worker.held("waits", "boot-worker");
        assertEquals("boot-worker", web.queuedOf("jms", Long.MAX_VALUE).get(0).heldBy());
        assertEquals(Claim.RUN, worker.claim("waits", "worker", false));
        worker.held("waits", "boot-other");
        assertEquals("boot-worker", web.recent(0, 10).get(0).heldBy(), "a job that is not queued is not marked");
        assertTrue(web.requeue("waits", "boot-worker"));
        assertEquals(null, web.queuedOf("jms", Long.MAX_VALUE).get(0).heldBy(), "queued again, held by nobody");
    }

    @Test
    void aSilentNodeIsForgottenOnceAndAnOrderlyOneLeaves() {
        NodeBeats beats = new JdbcNodeBeats(database());
        beats.beat("node-a", "boot-a", 1_000);
        beats.beat("node-b", "boot-b", 1_000);
        beats.beat("node-a", "boot-a", 9_000);
        assertEquals(List.of(new NodeBeats.NodeBoot("node-b", "boot-b", 1_000)), beats.silentSince(5_000));
        assertEquals(Set.of("boot-a"), beats.aliveSince(5_000));
        NodeBeats otherNode = new JdbcNodeBeats(database());
        assertTrue(otherNode.forget("boot-b", 5_000));
        assertFalse(beats.forget("boot-b", 5_000), "only one node takes over from a lost one");
        assertFalse(beats.forget("boot-a", 5_000), "a node that beat since is not lost");
        beats.leave("boot-a");
        assertEquals(List.of(), beats.silentSince(Long.MAX_VALUE));
        beats.beat("node-b", "boot-b", 10_000); // a node taken for lost that comes back beats again
        assertEquals(Set.of("boot-b"), beats.aliveSince(5_000));
    }
}
