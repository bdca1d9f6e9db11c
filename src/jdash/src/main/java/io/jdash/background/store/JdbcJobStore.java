package io.jdash.background.store;

import io.jdash.background.JobSpec;
import io.jdash.background.event.JobEvent;
import io.jdash.background.event.JobState;
import io.jdash.json.JsonCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * {@link JobStore} in a database table, {@code jdash_job}, created on first use. Plain JDBC in autocommit:
 * every change is one conditional UPDATE, so two nodes (or a redelivered message and a cancel) can never both
 * win. Portable SQL, tested on H2 (the default, a file under the server's data dir) and on PostgreSQL
 * ({@code JdbcJobStorePostgresTest}, {@code mvn -Ppostgresql}).
 */
public final class JdbcJobStore implements JobStore {

    static final String TABLE = """
            CREATE TABLE IF NOT EXISTS jdash_job (
                id VARCHAR(64) PRIMARY KEY,
                app VARCHAR(200) NOT NULL,
                callback VARCHAR(4000) NOT NULL,
                owner VARCHAR(64) NOT NULL,
                manager VARCHAR(32) NOT NULL,
                queue_name VARCHAR(200) NOT NULL,
                node VARCHAR(200) NOT NULL,
                boot VARCHAR(64) NOT NULL,
                state VARCHAR(16) NOT NULL,
                accepted_at BIGINT NOT NULL,
                ended_at BIGINT,
                end_event TEXT,
                end_heard BOOLEAN DEFAULT FALSE NOT NULL,
                spec TEXT
            )""";
    /** The column a table made before JDash kept specs lacks (H2 and PostgreSQL both take IF NOT EXISTS). */
    static final String SPEC_COLUMN = "ALTER TABLE jdash_job ADD COLUMN IF NOT EXISTS spec TEXT";
    /** When a worker claimed the job: the column a table made before the admin view (issue 14) lacks. */
    static final String STARTED_COLUMN = "ALTER TABLE jdash_job ADD COLUMN IF NOT EXISTS started_at BIGINT";
    /** Whose queue consumer holds a queued job's message (issue 14, scale-out): a column older tables lack. */
    static final String HELD_COLUMN = "ALTER TABLE jdash_job ADD COLUMN IF NOT EXISTS held_by VARCHAR(64)";
    static final String STATE_INDEX = "CREATE INDEX IF NOT EXISTS jdash_job_state ON jdash_job (state, ended_at)";

    private static final String COLUMNS =
            "id, app, callback, owner, manager, queue_name, node, boot, state, accepted_at, started_at, ended_at, end_event,"
                    + " spec, held_by";
    private static final String UNFINISHED = "('QUEUED', 'RUNNING')";

    private static final Logger LOG = Logger.getLogger(JdbcJobStore.class.getName());

    private final DataSource dataSource;
    private final String boot;

    public JdbcJobStore(DataSource dataSource, String boot) {
        this.dataSource = dataSource;
        this.boot = boot;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(TABLE);
            statement.execute(SPEC_COLUMN);
            statement.execute(STARTED_COLUMN);
            statement.execute(HELD_COLUMN);
            statement.execute(STATE_INDEX);
        } catch (SQLException e) {
            throw new JobStoreFailure("cannot create the table jdash_job", e);
        }
    }

    @Override
    public void accepted(JobSpec spec, String manager, String node, boolean rerunnable) {
        update("INSERT INTO jdash_job (id, app, callback, owner, manager, queue_name, node, boot, state, accepted_at,"
                        + " spec) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?)",
                spec.id(), spec.app(), spec.callback(), spec.owner(), manager, spec.queue(), node, boot,
                System.currentTimeMillis(), rerunnable ? JsonCodec.toJson(spec) : null);
    }

    @Override
    public boolean requeue(String jobId, String claimedBy) {
        return update("UPDATE jdash_job SET state = 'QUEUED', boot = ?, held_by = NULL WHERE id = ? AND state = 'RUNNING' AND boot = ?",
                boot, jobId, claimedBy) == 1;
    }

    @Override
    public Claim claim(String jobId, String node, boolean rerunIfLost) {
        if (update("UPDATE jdash_job SET state = 'RUNNING', node = ?, boot = ?, started_at = ? WHERE id = ?"
                + " AND state = 'QUEUED'", node, boot, System.currentTimeMillis(), jobId) == 1) {
            return Claim.RUN;
        }
        StoredJob job = find(jobId).orElse(null);
        if (job == null) {
            return Claim.RUN; // accepted where no record was kept: nothing to guard against
        }
        Claim claim = JobClaims.decide(job, boot, rerunIfLost);
        if (claim == Claim.RERUN && update("UPDATE jdash_job SET node = ?, boot = ?, started_at = ? WHERE id = ?"
                + " AND state = 'RUNNING' AND boot = ?", node, boot, System.currentTimeMillis(), jobId, job.boot()) != 1) {
            return Claim.SKIP; // another worker re-ran it first
        }
        return claim;
    }

    @Override
    public boolean finish(String jobId, JobEvent end) {
        return end(jobId, end, UNFINISHED);
    }

    @Override
    public boolean cancelQueued(String jobId, JobEvent cancelled) {
        return end(jobId, cancelled, "('QUEUED')");
    }

    private boolean end(String jobId, JobEvent end, String fromStates) {
        int changed = update("UPDATE jdash_job SET state = ?, ended_at = ?, end_event = ? WHERE id = ? AND state IN "
                        + fromStates, end.type().resultingState().name(), System.currentTimeMillis(),
                JsonCodec.toJson(end), jobId);
        return changed == 1 || find(jobId).isEmpty();
    }

    @Override
    public void endHeard(String jobId) {
        update("UPDATE jdash_job SET end_heard = TRUE WHERE id = ?", jobId);
    }

    @Override
    public List<StoredJob> needingAttention(long sinceMillis) {
        return query("SELECT " + COLUMNS + " FROM jdash_job WHERE state IN " + UNFINISHED
                + " OR (ended_at >= ? AND end_heard = FALSE) ORDER BY accepted_at", sinceMillis);
    }

    @Override
    public List<StoredJob> queuedOf(String manager, long acceptedBeforeMillis) {
        return query("SELECT " + COLUMNS + " FROM jdash_job WHERE state = 'QUEUED' AND manager = ? AND accepted_at < ?"
                + " ORDER BY accepted_at", manager, acceptedBeforeMillis);
    }

    @Override
    public List<StoredJob> recent(long endedSinceMillis, int limit) {
        return query("SELECT " + COLUMNS + " FROM jdash_job WHERE state IN " + UNFINISHED + " OR ended_at >= ?"
                + " ORDER BY accepted_at DESC LIMIT " + Math.max(0, limit), endedSinceMillis);
    }

    @Override
    public List<StoredJob> orphansOf(String node) {
        return query("SELECT " + COLUMNS + " FROM jdash_job WHERE node = ? AND boot <> ? AND (state = 'RUNNING'"
                + " OR (state = 'QUEUED' AND manager = 'local')) ORDER BY accepted_at", node, boot);
    }

    @Override
    public List<StoredJob> orphansOfBoot(String lostBoot) {
        return query("SELECT " + COLUMNS + " FROM jdash_job WHERE boot = ? AND (state = 'RUNNING'"
                + " OR (state = 'QUEUED' AND manager = 'local')) ORDER BY accepted_at", lostBoot);
    }

    @Override
    public void held(String jobId, String holder) {
        update("UPDATE jdash_job SET held_by = ? WHERE id = ? AND state = 'QUEUED'", holder, jobId);
    }

    @Override
    public int purgeEndedBefore(long millis) {
        int purged = update("DELETE FROM jdash_job WHERE ended_at < ?", millis);
        purgeBatchHistory(millis);
        return purged;
    }

    /**
     * JBeret's job repository shares this database (server-config) and never deletes a row itself: drop the job
     * instances whose executions all ended before {@code millis} (their executions and steps go with them by
     * JBeret's cascading foreign keys). Skipped quietly where the batch tables are elsewhere (not in this database).
     */
    private void purgeBatchHistory(long millis) {
        String sql = "DELETE FROM job_instance i WHERE NOT EXISTS (SELECT 1 FROM job_execution e"
                + " WHERE e.jobinstanceid = i.jobinstanceid AND (e.endtime IS NULL OR e.endtime >= ?))";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, new java.sql.Timestamp(millis))) {
            statement.executeUpdate();
        } catch (SQLException failed) {
            // SQL state class 42 (no such table, here): the batch repository lives elsewhere; anything else is a fault
            boolean elsewhere = failed.getSQLState() != null && failed.getSQLState().startsWith("42");
            LOG.log(elsewhere ? Level.FINE : Level.WARNING, "no batch history purged: " + failed.getMessage(),
                    elsewhere ? null : failed);
        }
    }

    @Override
    public java.util.Optional<StoredJob> find(String jobId) {
        return query("SELECT " + COLUMNS + " FROM jdash_job WHERE id = ?", jobId).stream().findFirst();
    }

    private int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new JobStoreFailure("job store update failed: " + sql, e);
        }
    }

    private List<StoredJob> query(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            List<StoredJob> jobs = new ArrayList<>();
            while (rows.next()) {
                String end = rows.getString("end_event");
                String spec = rows.getString("spec");
                jobs.add(new StoredJob(rows.getString("id"), rows.getString("app"), rows.getString("callback"),
                        rows.getString("owner"), rows.getString("manager"), rows.getString("queue_name"),
                        rows.getString("node"), rows.getString("boot"), JobState.valueOf(rows.getString("state")),
                        rows.getLong("accepted_at"), rows.getLong("started_at"), rows.getLong("ended_at"), end == null ? null : JsonCodec.fromJson(end, JobEvent.class),
                        spec == null ? null : JsonCodec.fromJson(spec, JobSpec.class), rows.getString("held_by")));
            }
            return jobs;
        } catch (SQLException e) {
            throw new JobStoreFailure("job store query failed: " + sql, e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
