package dev.perfplatform.testing.sql;

import java.sql.Connection;
import java.sql.SQLException;

/** A database created for one test class on a real server, with what JDBC, R2DBC and Flyway need to reach it. */
public interface TestDatabase {

    /** Server host. */
    String host();

    /** Server port. */
    int port();

    /** Name of the database this test class owns. */
    String name();

    /** Login user. */
    String username();

    /** Login password (may be empty). */
    String password();

    /** JDBC URL of the database, without credentials. */
    String jdbcUrl();

    /** R2DBC URL of the database, without credentials. */
    String r2dbcUrl();

    /** A new JDBC connection to the database; the caller closes it. */
    Connection connect() throws SQLException;
}
