package io.jdash.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdash.background.event.JobEvent;
import io.jdash.background.event.JobState;
import io.jdash.background.store.StoredJob;
import io.jdash.layout.Component;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobRowTest {

    private static StoredJob job(String id, JobState state, long accepted, long started, long ended, JobEvent end) {
        return new StoredJob(id, "report", "out.children", "owner-cookie-value", "jms", "BackgroundCallbacks", "node-a",
                "boot", state, accepted, started, ended, end, null, null);
    }

    @Test
    void aRowShowsTheOwnerHashedTheAgeAndTheRunTime() {
        JobRow running = JobRow.of(job("r", JobState.RUNNING, 1_000, 3_000, 0, null), 10_000);
        assertEquals(9_000, running.ageMillis());
        assertEquals(7_000, running.durationMillis(), "a running job has run until now");
        assertFalse(running.owner().contains("owner-cookie"), "the cookie never shows");
        assertEquals(10, running.owner().length());
        assertEquals(running.owner(), JobRow.of(job("s", JobState.QUEUED, 0, 0, 0, null), 1).owner(),
                "the same owner reads the same");
        assertNotEquals(running.owner(), JobRow.hashed("another owner"));

        JobRow queued = JobRow.of(job("q", JobState.QUEUED, 1_000, 0, 0, null), 10_000);
        assertEquals(-1, queued.durationMillis(), "a queued job never ran");
        assertEquals("—", JobRow.human(queued.durationMillis()));

        JobRow failed = JobRow.of(job("f", JobState.FAILED, 1_000, 2_000, 2_500,
                JobEvent.error("f", "out.children", "no data")), 10_000);
        assertEquals(500, failed.durationMillis(), "an ended job ran until its end");
        assertEquals("no data", failed.note());
    }

    @Test
    void durationsReadForAPerson() {
        assertEquals("850 ms", JobRow.human(850));
        assertEquals("12 s", JobRow.human(12_400));
        assertEquals("3 min 4 s", JobRow.human(184_000));
        assertEquals("2 h 5 min", JobRow.human(7_500_000));
    }

    @Test
    void onlyUnfinishedJobsCanBeCancelledAndOnlyQueuedOnesRemoved() {
        List<JobRow> rows = List.of(JobRow.of(job("queued-1", JobState.QUEUED, 0, 0, 0, null), 5),
                JobRow.of(job("running-1", JobState.RUNNING, 0, 1, 0, null), 5),
                JobRow.of(job("done-1", JobState.DONE, 0, 1, 2, null), 5));
        String json = io.jdash.json.JsonCodec.toJson(JobTable.table(rows, JobTable.Filter.ALL));
        assertEquals(2, count(json, JobTable.CANCEL), "queued and running jobs have Cancel: " + json);
        assertEquals(1, count(json, JobTable.REMOVE), "only the queued job has Remove: " + json);

        String unfinished = io.jdash.json.JsonCodec.toJson(JobTable.table(rows, JobTable.Filter.UNFINISHED));
        assertFalse(unfinished.contains("done-1"), "the default filter leaves ended jobs out");
        String none = io.jdash.json.JsonCodec.toJson(JobTable.table(List.of(), JobTable.Filter.RUNNING));
        assertTrue(none.contains("no running jobs"), none);

        Component summary = JobTable.summary(rows);
        assertTrue(io.jdash.json.JsonCodec.toJson(summary).contains("BackgroundCallbacks · node-a: 1 queued, 1 running"));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
