package dev.perfplatform.testing.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;

/** PostgreSQL and MariaDB/MySQL: how to reach the server and how to log in over JDBC. */
public enum SqlEngineKind implements EngineKind {
    /** {@code TEST_POSTGRES_URL=postgresql://user:password@host[:port][/admin-database]}. */
    POSTGRES(
            "PostgreSQL",
            "TEST_POSTGRES_URL",
            "test.postgres.url",
            new ServiceUrl("postgresql", "127.0.0.1", 5432, "postgres", "postgres", "postgres"),
            "postgres:16",
            "POSTGRES_PASSWORD",
            "jdbc:postgresql://",
            "r2dbc:postgresql://"),
    /** {@code TEST_MYSQL_URL=mysql://user:password@host[:port]} (MariaDB or MySQL). */
    MARIADB(
            "MariaDB/MySQL",
            "TEST_MYSQL_URL",
            "test.mysql.url",
            new ServiceUrl("mysql", "127.0.0.1", 3306, "root", "", ""),
            "mariadb:10.11",
            "MARIADB_ROOT_PASSWORD",
            "jdbc:mariadb://",
            "r2dbc:mariadb://");

    private static final int LOGIN_TIMEOUT_SECONDS = 5;
    private static final String CONTAINER_PASSWORD = "test";

    private final String displayName;
    private final String environmentVariable;
    private final String configurationParameter;

    @SuppressWarnings("ImmutableEnumChecker") // ServiceUrl is a record of strings and an int
    private final ServiceUrl localDefault;

    private final String dockerImage;
    private final String containerPasswordVariable;
    private final String jdbcPrefix;
    private final String r2dbcPrefix;

    SqlEngineKind(
            String displayName,
            String environmentVariable,
            String configurationParameter,
            ServiceUrl localDefault,
            String dockerImage,
            String containerPasswordVariable,
            String jdbcPrefix,
            String r2dbcPrefix) {
        this.displayName = displayName;
        this.environmentVariable = environmentVariable;
        this.configurationParameter = configurationParameter;
        this.localDefault = localDefault;
        this.dockerImage = dockerImage;
        this.containerPasswordVariable = containerPasswordVariable;
        this.jdbcPrefix = jdbcPrefix;
        this.r2dbcPrefix = r2dbcPrefix;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public String environmentVariable() {
        return environmentVariable;
    }

    @Override
    public String configurationParameter() {
        return configurationParameter;
    }

    @Override
    public ServiceUrl localDefault() {
        return localDefault;
    }

    @Override
    public int defaultPort() {
        return localDefault.port();
    }

    @Override
    public String dockerImage() {
        return dockerImage;
    }

    @Override
    public Map<String, String> containerEnvironment() {
        return Map.of(containerPasswordVariable, CONTAINER_PASSWORD);
    }

    @Override
    public ServiceUrl containerUrl(String host, int mappedPort) {
        return new ServiceUrl(
                localDefault.scheme(), host, mappedPort, localDefault.user(), CONTAINER_PASSWORD, localDefault.path());
    }

    @Override
    public void verify(ServiceUrl url) throws SQLException {
        try (Connection connection = connect(url, url.path());
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
        }
    }

    /** {@code jdbc:...://host:port/database}. */
    public String jdbcUrl(String host, int port, String database) {
        return jdbcPrefix + host + ":" + port + "/" + database;
    }

    /** {@code r2dbc:...://host:port/database}, without credentials. */
    public String r2dbcUrl(String host, int port, String database) {
        return r2dbcPrefix + host + ":" + port + "/" + database;
    }

    /** A JDBC connection to {@code database} on the server of {@code url}, with its credentials. */
    public Connection connect(ServiceUrl url, String database) throws SQLException {
        Properties properties = new Properties();
        String user = url.user();
        String password = url.password();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        // PostgreSQL counts this timeout in seconds, MariaDB in milliseconds.
        properties.setProperty("connectTimeout", this == POSTGRES ? "5" : "5000");
        DriverManager.setLoginTimeout(LOGIN_TIMEOUT_SECONDS);
        return DriverManager.getConnection(jdbcUrl(url.host(), url.port(), database), properties);
    }
}
