package dev.perfplatform.fluxpay.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseIntegrationTests {

    @TempDir
    Path dir;

    @Test
    void keepsItsDataAcrossRestartsOnTheSameDirectory() throws Exception {
        try (EmbeddedDatabase first = start()) {
            first.createDatabaseIfMissing("app");
            execute(first, "CREATE TABLE notes (body text); INSERT INTO notes VALUES ('kept')");
        }
        try (EmbeddedDatabase second = start()) {
            second.createDatabaseIfMissing("app");

            assertThat(query(second, "SELECT body FROM notes")).isEqualTo("kept");
        }
        assertThat(dir.resolve("postgresql.log")).isNotEmptyFile();
    }

    @Test
    void runsPostgres16WithoutFsync() throws Exception {
        try (EmbeddedDatabase database = start()) {
            database.createDatabaseIfMissing("app");

            assertThat(database.serverVersion()).startsWith("16.");
            assertThat(query(database, "SHOW fsync")).isEqualTo("off");
            assertThat(query(database, "SHOW synchronous_commit")).isEqualTo("off");
        }
    }

    @Test
    void refusesADatabaseNameThatIsNotAPlainIdentifier() throws Exception {
        try (EmbeddedDatabase database = start()) {
            assertThatThrownBy(() -> database.createDatabaseIfMissing("app; DROP DATABASE postgres"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private EmbeddedDatabase start() throws Exception {
        return EmbeddedDatabase.start(dir.resolve("data"), 0, dir.resolve("postgresql.log"));
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
