package dev.perfplatform.fluxpay.embedded;

import java.nio.file.Path;
import java.sql.SQLException;

/** The start-up warning of the embedded database: where it is, that it is not durable, how to use a real server. */
final class NotDurableBanner {

    private NotDurableBanner() {}

    static String text(EmbeddedDatabase database, Path dataDirectory, Path logFile) {
        String line = "*".repeat(100);
        return String.join(
                System.lineSeparator(),
                "",
                line,
                "  EMBEDDED POSTGRESQL " + version(database) + " -- FOR DEVELOPMENT ONLY",
                "  No database is configured (FLUXPAY_DB_URL is not set), so fluxpay runs on an embedded server:",
                "    " + database.jdbcUrl(EmbeddedPostgresDefault.DATABASE) + " (user " + EmbeddedDatabase.USER
                        + ", no password)",
                "    data: " + dataDirectory + " (FLUXPAY_DATA_DIR), kept across restarts",
                "    server log: " + logFile,
                "  NOT DURABLE: it runs with fsync=off and synchronous_commit=off, so a crash of the machine can lose",
                "  or corrupt committed data. Never use it for benchmarks or anything you need to keep.",
                "  A real server: FLUXPAY_DB_URL=r2dbc:postgresql://HOST:5432/fluxpay (FLUXPAY_DB_USER,"
                        + " FLUXPAY_DB_PASSWORD).",
                line);
    }

    private static String version(EmbeddedDatabase database) {
        try {
            return database.serverVersion();
        } catch (SQLException e) {
            return "(version unknown: " + e.getMessage() + ")";
        }
    }
}
