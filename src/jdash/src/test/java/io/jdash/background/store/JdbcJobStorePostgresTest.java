package io.jdash.background.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database store's tests on PostgreSQL: each test in a schema of its own, dropped afterwards. Runs where
 * {@code -Djdash.test.postgresql.url} names a database ({@code mvn -Ppostgresql}, src/tests/test-postgresql.sh).
 */
@EnabledIfSystemProperty(named = "jdash.test.postgresql.url", matches = ".+")
class JdbcJobStorePostgresTest extends JdbcJobStoreTest {

    private PGSimpleDataSource database;
    private String schema;

    @BeforeEach
    void freshSchema() throws SQLException {
        database = new PGSimpleDataSource();
        database.setURL(System.getProperty("jdash.test.postgresql.url"));
        database.setUser(System.getProperty("jdash.test.postgresql.user", "jdash"));
        database.setPassword(System.getProperty("jdash.test.postgresql.password", "jdash"));
        schema = "jdash_test_" + JobIds.next().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
        execute("CREATE SCHEMA " + schema);
        database.setCurrentSchema(schema);
    }

    @AfterEach
    void dropSchema() throws SQLException {
        execute("DROP SCHEMA " + schema + " CASCADE");
    }

    @Override
    DataSource database() {
        return database;
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
