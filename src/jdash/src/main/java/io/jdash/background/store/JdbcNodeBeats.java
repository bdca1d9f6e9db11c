package io.jdash.background.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/** {@link NodeBeats} in the table {@code jdash_node} of the job database, one row per live boot, created on first use. */
public final class JdbcNodeBeats implements NodeBeats {

    static final String TABLE = """
            CREATE TABLE IF NOT EXISTS jdash_node (
                boot VARCHAR(64) PRIMARY KEY,
                node VARCHAR(200) NOT NULL,
                seen_at BIGINT NOT NULL
            )""";

    private final DataSource dataSource;

    public JdbcNodeBeats(DataSource dataSource) {
        this.dataSource = dataSource;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(TABLE);
        } catch (SQLException e) {
            throw new JobStoreFailure("cannot create the table jdash_node", e);
        }
    }

    @Override
    public void beat(String node, String boot, long nowMillis) {
        // only this boot writes its row, so an update that finds none may insert it (first beat, or forgotten)
        if (update("UPDATE jdash_node SET seen_at = ? WHERE boot = ?", nowMillis, boot) == 0) {
            update("INSERT INTO jdash_node (boot, node, seen_at) VALUES (?, ?, ?)", boot, node, nowMillis);
        }
    }

    @Override
    public List<NodeBoot> silentSince(long millis) {
        List<NodeBoot> boots = new ArrayList<>();
        query("SELECT boot, node, seen_at FROM jdash_node WHERE seen_at < ? ORDER BY seen_at", millis,
                rows -> boots.add(new NodeBoot(rows.getString("node"), rows.getString("boot"), rows.getLong("seen_at"))));
        return boots;
    }

    @Override
    public Set<String> aliveSince(long millis) {
        Set<String> boots = new HashSet<>();
        query("SELECT boot FROM jdash_node WHERE seen_at >= ?", millis, rows -> boots.add(rows.getString("boot")));
        return boots;
    }

    @Override
    public boolean forget(String boot, long millis) {
        return update("DELETE FROM jdash_node WHERE boot = ? AND seen_at < ?", boot, millis) == 1;
    }

    @Override
    public void leave(String boot) {
        update("DELETE FROM jdash_node WHERE boot = ?", boot);
    }

    @Override
    public boolean shared() {
        return true;
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private void query(String sql, long parameter, RowReader reader) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        } catch (SQLException e) {
            throw new JobStoreFailure("node table query failed: " + sql, e);
        }
    }

    private int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new JobStoreFailure("node table update failed: " + sql, e);
        }
    }
}
