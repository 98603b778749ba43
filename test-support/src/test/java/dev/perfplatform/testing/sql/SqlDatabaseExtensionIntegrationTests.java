package dev.perfplatform.testing.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Each engine: a database of its own per class, usable over JDBC, dropped afterwards. */
class SqlDatabaseExtensionIntegrationTests {

    @Nested
    @PostgresTest
    class Postgres {

        @Test
        void createsADatabaseOfItsOwnThatTakesWrites(PostgresDatabase database) throws SQLException {
            assertThat(database.name()).startsWith("t_postgres_");
            assertThat(database.r2dbcUrl())
                    .isEqualTo("r2dbc:postgresql://" + database.host() + ":" + database.port() + "/" + database.name());
            assertRoundTrip(database);
        }

        @Test
        void dropsTheDatabaseAfterTheClass(PostgresDatabase database) throws SQLException {
            String created = runSample(UsesPostgres.class);

            assertThat(countDatabases(database, "SELECT count(*) FROM pg_database WHERE datname = ?", created))
                    .isZero();
        }
    }

    @Nested
    @MariaDbTest
    class MariaDb {

        @Test
        void createsADatabaseOfItsOwnThatTakesWrites(MariaDbDatabase database) throws SQLException {
            assertThat(database.name()).startsWith("t_mariadb_");
            assertThat(database.jdbcUrl()).startsWith("jdbc:mariadb://");
            assertRoundTrip(database);
        }

        @Test
        void dropsTheDatabaseAfterTheClass(MariaDbDatabase database) throws SQLException {
            String created = runSample(UsesMariaDb.class);

            assertThat(countDatabases(
                            database,
                            "SELECT count(*) FROM information_schema.schemata WHERE schema_name = ?",
                            created))
                    .isZero();
        }
    }

    private static void assertRoundTrip(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE item (id INT PRIMARY KEY, label VARCHAR(20) NOT NULL)");
            statement.execute("INSERT INTO item VALUES (1, 'one')");
            try (ResultSet rows = statement.executeQuery("SELECT label FROM item WHERE id = 1")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("one");
            }
        }
    }

    private static String runSample(Class<?> sample) {
        Sample.lastName = null;
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(sample))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(1));
        assertThat(Sample.lastName).isNotNull();
        return String.valueOf(Sample.lastName);
    }

    private static long countDatabases(TestDatabase database, String sql, String name) throws SQLException {
        try (Connection connection = database.connect();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Where the samples below report the database they were given. */
    static final class Sample {
        static @Nullable String lastName;

        private Sample() {}
    }

    /** Run through the JUnit test kit by the tests above; holds a connection open while its class ends. */
    @PostgresTest
    static class UsesPostgres {
        @Test
        void leavesAConnectionOpen(PostgresDatabase database) throws SQLException {
            Sample.lastName = database.name();
            database.connect().createStatement().execute("CREATE TABLE t (id INT)");
        }
    }

    /** Run through the JUnit test kit by the tests above. */
    @MariaDbTest
    static class UsesMariaDb {
        @Test
        void leavesAConnectionOpen(MariaDbDatabase database) throws SQLException {
            Sample.lastName = database.name();
            database.connect().createStatement().execute("CREATE TABLE t (id INT)");
        }
    }
}
