package dev.perfplatform.moalog.embedded;

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
                "  EMBEDDED MARIADB " + version(database) + " -- FOR DEVELOPMENT ONLY",
                "  No database is configured (MOALOG_DB_URL is not set), so moalog runs on an embedded server:",
                "    " + database.jdbcUrl(EmbeddedMariaDbDefault.DATABASE) + " (user " + EmbeddedDatabase.USER
                        + ", no password, grant tables off, loopback only)",
                "    data: " + dataDirectory + " (MOALOG_DATA_DIR), kept across restarts",
                "    server log: " + logFile,
                "  NOT DURABLE: InnoDB flushes its log about once a second and writes pages without its doublewrite",
                "  buffer, so a crash of the machine can lose recent commits or corrupt data. Never use it for",
                "  benchmarks or anything you need to keep.",
                "  The development stand-ins default on with it (see the STAND-INS banner); each variable still decides.",
                "  A real server: MOALOG_DB_URL=r2dbc:mariadb://HOST:3306/moalog (MOALOG_DB_USER, MOALOG_DB_PASSWORD).",
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
