package io.jdash.background.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Tells when the job database went back in time: a truncated or damaged H2 file that opens on an older state, or a
 * database restored from an old copy, loses the job records written since without a word. Each node keeps a mark,
 * a generation that grows each time it is written, both in the database (table {@code jdash_mark}, a row per node)
 * and in a file of its own data directory ({@code jdash/job-store.mark}); the file is written after the database. A
 * database whose mark is behind the file's lost what was written to it after its own mark. The mark is advanced at
 * start, every minute and at an orderly stop, so a loss of less than a minute's writes can go unseen.
 */
public final class StoreMark {

    /** No job database: nothing to mark. */
    public static final StoreMark NONE = new StoreMark(null, null, null);

    static final String TABLE = """
            CREATE TABLE IF NOT EXISTS jdash_mark (
                node VARCHAR(200) PRIMARY KEY,
                generation BIGINT NOT NULL,
                written_at BIGINT NOT NULL
            )""";

    /** One mark: its generation and when it was written. */
    public record Mark(long generation, long writtenAtMillis) {
    }

    /**
     * The job database {@code database} is behind this node's mark {@code expected}: it holds {@code found} (none: a
     * new or replaced database, which still has {@code jobRecords} job records).
     */
    public record Damage(String database, Mark expected, Mark found, long jobRecords) {

        /** The error to report, naming the database, what was lost and the way out. */
        public String message() {
            String lost = found == null
                    ? (jobRecords == 0 ? "it is a new, empty database: every job record of the earlier runs is gone"
                    : "its mark of this node is gone, and with it, perhaps, other records written before "
                    + Instant.ofEpochMilli(expected.writtenAtMillis()))
                    : "it was last written as this node saw it at " + Instant.ofEpochMilli(found.writtenAtMillis())
                    + ", not at " + Instant.ofEpochMilli(expected.writtenAtMillis()) + ": the job records written in"
                    + " between (jobs accepted, started and ended) are lost";
            return "the job database " + database + " is older than this node's last run left it (mark "
                    + (found == null ? "none" : found.generation()) + ", expected " + expected.generation() + "): "
                    + lost + ". Pages waiting for a lost job wait in vain; docs/operations.md, \"When the job database"
                    + " is damaged\", says what to do";
        }
    }

    private final DataSource dataSource;
    private final Path file;
    private final String node;

    /** The mark of {@code node} in the database {@code dataSource} and in {@code file}. */
    public StoreMark(DataSource dataSource, Path file, String node) {
        this.dataSource = dataSource;
        this.file = file;
        this.node = node;
    }

    /** What is wrong with the database, if its mark is behind this node's file. */
    public Optional<Damage> check() {
        if (dataSource == null) {
            return Optional.empty();
        }
        Optional<Mark> expected = fromFile();
        if (expected.isEmpty()) {
            return Optional.empty(); // this node never marked a database (a first start)
        }
        try (Connection connection = dataSource.getConnection()) {
            create(connection);
            Optional<Mark> found = fromDatabase(connection);
            if (found.isPresent() && found.get().generation() >= expected.get().generation()) {
                return Optional.empty();
            }
            return Optional.of(new Damage(connection.getMetaData().getURL(), expected.get(), found.orElse(null),
                    jobRecords(connection)));
        } catch (SQLException e) {
            throw new JobStoreFailure("cannot read the mark of the job database", e);
        }
    }

    /** Writes the next mark: to the database first, then to the file. */
    public void advance() {
        if (dataSource == null) {
            return;
        }
        long now = System.currentTimeMillis();
        try (Connection connection = dataSource.getConnection()) {
            create(connection);
            long generation = Math.max(fromFile().map(Mark::generation).orElse(0L),
                    fromDatabase(connection).map(Mark::generation).orElse(0L)) + 1;
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE jdash_mark SET generation = ?, written_at = ? WHERE node = ?")) {
                update.setLong(1, generation);
                update.setLong(2, now);
                update.setString(3, node);
                if (update.executeUpdate() == 0) {
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO jdash_mark (node, generation, written_at) VALUES (?, ?, ?)")) {
                        insert.setString(1, node);
                        insert.setLong(2, generation);
                        insert.setLong(3, now);
                        insert.executeUpdate();
                    }
                }
            }
            toFile(new Mark(generation, now));
        } catch (SQLException e) {
            throw new JobStoreFailure("cannot write the mark of the job database", e);
        }
    }

    private static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(TABLE);
        }
    }

    private Optional<Mark> fromDatabase(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT generation, written_at FROM jdash_mark WHERE node = ?")) {
            query.setString(1, node);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(new Mark(row.getLong(1), row.getLong(2))) : Optional.empty();
            }
        }
    }

    private static long jobRecords(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM jdash_job")) {
            return row.next() ? row.getLong(1) : 0;
        } catch (SQLException noTable) {
            return 0;
        }
    }

    private Optional<Mark> fromFile() {
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            String[] parts = Files.readString(file, StandardCharsets.US_ASCII).trim().split(" ");
            return Optional.of(new Mark(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty(); // a damaged mark file says nothing; the next advance writes a good one
        }
    }

    private void toFile(Mark mark) {
        try {
            Files.createDirectories(file.getParent());
            Path next = file.resolveSibling(file.getFileName() + ".next");
            Files.writeString(next, mark.generation() + " " + mark.writtenAtMillis() + "\n", StandardCharsets.US_ASCII);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new JobStoreFailure("cannot write the job database's mark file " + file, e);
        }
    }
}
