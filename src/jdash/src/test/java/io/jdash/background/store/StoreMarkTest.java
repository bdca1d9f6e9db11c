package io.jdash.background.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job database's mark: a database that went back in time (an old copy, a damaged file) is told at start. */
class StoreMarkTest {

    @TempDir
    Path dir;

    private JdbcDataSource database(String name) {
        var h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve(name) + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    private StoreMark markOf(JdbcDataSource h2) {
        return new StoreMark(h2, dir.resolve("job-store.mark"), "node-a");
    }

    private static void shutdown(JdbcDataSource h2) throws Exception {
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }

    @Test
    void aDatabaseThatKeptUpWithTheMarkIsFine() {
        var mark = markOf(database("jobs"));
        assertEquals(Optional.empty(), mark.check(), "a first start: nothing to compare");
        mark.advance();
        mark.advance();
        assertEquals(Optional.empty(), mark.check());
    }

    @Test
    void aDatabaseRestoredFromAnOlderCopyIsReportedWithWhatWasLost() throws Exception {
        JdbcDataSource h2 = database("jobs");
        var mark = markOf(h2);
        JobStore store = new JdbcJobStore(h2, "boot-1");
        mark.advance();
        shutdown(h2);
        Path file = dir.resolve("jobs.mv.db");
        Files.copy(file, dir.resolve("old-copy"));

        store.accepted(new io.jdash.background.JobSpec("lost-job", "app", "out.children", "owner", "q", List.of(),
                List.of()), "jms", "node-a");
        mark.advance(); // the run went on after the copy was made
        shutdown(h2);
        Files.copy(dir.resolve("old-copy"), file, StandardCopyOption.REPLACE_EXISTING); // the operator restores it

        StoreMark.Damage damage = mark.check().orElseThrow();
        assertEquals(1, damage.found().generation());
        assertEquals(2, damage.expected().generation());
        String message = damage.message();
        assertTrue(message.contains(dir.resolve("jobs").toString()), "names the database: " + message);
        assertTrue(message.contains("are lost") && message.contains("When the job database is damaged"), message);
        mark.advance();
        assertEquals(Optional.empty(), mark.check(), "said once: the next start compares with the state it found");
    }

    @Test
    void aDatabaseThatIsGoneIsReportedAsNew() throws Exception {
        JdbcDataSource h2 = database("jobs");
        var mark = markOf(h2);
        mark.advance();
        shutdown(h2);
        Files.delete(dir.resolve("jobs.mv.db"));
        StoreMark.Damage damage = mark.check().orElseThrow();
        assertNull(damage.found());
        assertTrue(damage.message().contains("new, empty database"), damage.message());
    }

    @Test
    void aTruncatedH2FileIsReportedAsDamagedOrUnreadable() throws Exception {
        JdbcDataSource h2 = database("jobs");
        JobStore store = new JdbcJobStore(h2, "boot-1");
        var mark = markOf(h2);
        mark.advance();
        for (int i = 0; i < 2000; i++) { // enough writes that the file grows by many chunks after the first mark
            store.accepted(new io.jdash.background.JobSpec("job-" + i, "app", "out.children", "owner", "q",
                    List.of("x".repeat(200)), List.of()), "jms", "node-a");
        }
        mark.advance();
        shutdown(h2);
        Path file = dir.resolve("jobs.mv.db");
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() / 2);
        }
        String report;
        try {
            report = mark.check().map(StoreMark.Damage::message).orElse(null);
        } catch (JobStoreFailure unreadable) {
            report = "unreadable: " + unreadable.getCause().getMessage();
        }
        assertTrue(report != null, "a truncated file that opens on its older state must not pass unsaid");
    }
}
