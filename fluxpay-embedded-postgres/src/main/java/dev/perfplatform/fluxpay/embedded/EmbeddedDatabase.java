package dev.perfplatform.fluxpay.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * One embedded PostgreSQL server on loopback whose data directory outlives it: started on an existing data
 * directory it reuses it, and {@link #close()} stops the server but keeps the data. <b>Not durable</b>: it runs with
 * {@code fsync} and {@code synchronous_commit} off, so a crash of the machine can lose or corrupt committed data.
 *
 * <pre>{@code
 * try (EmbeddedDatabase db = EmbeddedDatabase.start(Path.of(".fluxpay/data"), 0, Path.of(".fluxpay/postgresql.log"))) {
 *     db.createDatabaseIfMissing("fluxpay");
 *     String url = db.r2dbcUrl("fluxpay");
 * }
 * }</pre>
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /** The superuser initdb creates; it logs in without a password (trust), over loopback only. */
    public static final String USER = "postgres";

    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final EmbeddedPostgres server;

    private EmbeddedDatabase(EmbeddedPostgres server) {
        this.server = server;
    }

    /**
     * Starts a server on {@code dataDirectory} (initialised when it holds no cluster yet) and {@code port} (0 for a
     * free one), appending the server's own output to {@code logFile}.
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port, Path logFile) throws IOException {
        Files.createDirectories(dataDirectory);
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(logFile.toFile());
        return new EmbeddedDatabase(EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setLocaleConfig("locale", "C")
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOutputRedirector(log)
                .setErrorRedirector(log)
                .start());
    }

    /** Creates the database {@code name} (lowercase letters, digits and underscores) unless it exists. */
    public void createDatabaseIfMissing(String name) throws SQLException {
        if (!PLAIN_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("database name must be a plain lowercase identifier: " + name);
        }
        try (Connection connection = server.getPostgresDatabase().getConnection();
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + name);
            }
        }
    }

    /** The server's version, e.g. {@code 16.15}. */
    public String serverVersion() throws SQLException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SHOW server_version")) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** The port the server listens on (on loopback). */
    public int port() {
        return server.getPort();
    }

    /** {@code r2dbc:postgresql://127.0.0.1:<port>/<database>}. */
    public String r2dbcUrl(String database) {
        return "r2dbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/<database>}. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** Stops the server (fast shutdown); the data directory stays. */
    @Override
    public void close() throws IOException {
        server.close();
    }
}
