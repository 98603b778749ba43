package dev.perfplatform.moalog.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseIntegrationTests {

    /** Shared by the tests so the binaries, unpacked beside the data directories, are unpacked once. */
    @TempDir
    static Path home;

    private Path data;
    private Path logFile;

    @BeforeEach
    void freshDataDirectory() {
        String name = UUID.randomUUID().toString();
        data = home.resolve("data-" + name);
        logFile = home.resolve("mariadb-" + name + ".log");
    }

    @Test
    void keepsItsDataAcrossRestartsOnTheSameDirectory() throws Exception {
        try (EmbeddedDatabase first = start()) {
            first.createDatabaseIfMissing("app");
            execute(first, "CREATE TABLE notes (body VARCHAR(20))");
            execute(first, "INSERT INTO notes VALUES ('kept')");
        }
        try (EmbeddedDatabase second = start()) {
            second.createDatabaseIfMissing("app");

            assertThat(query(second, "SELECT body FROM notes")).isEqualTo("kept");
        }
        assertThat(logFile).content().contains("mysqld: ").contains("ready for connections");
    }

    @Test
    void runsMariaDb114InUtf8mb4WithoutFlushingEachCommit() throws Exception {
        try (EmbeddedDatabase database = start()) {
            database.createDatabaseIfMissing("app");
            execute(database, "CREATE TABLE notes (body VARCHAR(20))");
            execute(database, "INSERT INTO notes VALUES ('회고 🙂')");

            assertThat(database.serverVersion()).startsWith("11.4.");
            assertThat(query(database, "SELECT @@character_set_database")).isEqualTo("utf8mb4");
            assertThat(query(database, "SELECT body FROM notes")).isEqualTo("회고 🙂");
            assertThat(query(database, "SELECT @@innodb_flush_log_at_trx_commit"))
                    .isEqualTo("2");
            assertThat(query(database, "SELECT @@bind_address")).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void refusesADatabaseNameThatIsNotAPlainIdentifier() throws Exception {
        try (EmbeddedDatabase database = start()) {
            assertThatThrownBy(() -> database.createDatabaseIfMissing("app; DROP DATABASE mysql"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private EmbeddedDatabase start() throws Exception {
        return EmbeddedDatabase.start(data, 0, logFile);
    }

    private static void execute(EmbeddedDatabase database, String sql) throws SQLException {
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String query(EmbeddedDatabase database, String sql) throws SQLException {
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static Connection connect(EmbeddedDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl("app"), EmbeddedDatabase.USER, "");
    }
}
