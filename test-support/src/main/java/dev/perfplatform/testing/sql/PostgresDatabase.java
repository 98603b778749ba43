package dev.perfplatform.testing.sql;

import dev.perfplatform.testing.internal.ServiceUrl;
import dev.perfplatform.testing.internal.SqlEngineKind;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A Postgres database owned by one test class (see {@link PostgresTest}).
 *
 * @param host server host
 * @param port server port
 * @param name database name
 * @param username login user
 * @param password login password, possibly empty
 */
public record PostgresDatabase(String host, int port, String name, String username, String password)
        implements TestDatabase {

    @Override
    public String jdbcUrl() {
        return SqlEngineKind.POSTGRES.jdbcUrl(host, port, name);
    }

    @Override
    public String r2dbcUrl() {
        return SqlEngineKind.POSTGRES.r2dbcUrl(host, port, name);
    }

    @Override
    public Connection connect() throws SQLException {
        return SqlEngineKind.POSTGRES.connect(new ServiceUrl("postgresql", host, port, username, password, name), name);
    }

    @Override
    public String toString() {
        return "PostgresDatabase[" + jdbcUrl() + ", user=" + username + "]";
    }
}
