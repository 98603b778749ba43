package dev.perfplatform.testing.sql;

import dev.perfplatform.testing.internal.ServiceUrl;
import dev.perfplatform.testing.internal.SqlEngineKind;
import java.util.Objects;

/** The extension behind {@link MariaDbTest}. */
public final class MariaDbExtension extends SqlDatabaseExtension<MariaDbDatabase> {

    /** Used by JUnit. */
    public MariaDbExtension() {
        super(SqlEngineKind.MARIADB, MariaDbDatabase.class);
    }

    @Override
    MariaDbDatabase database(ServiceUrl server, String name) {
        return new MariaDbDatabase(
                server.host(),
                server.port(),
                name,
                Objects.requireNonNullElse(server.user(), "root"),
                Objects.requireNonNullElse(server.password(), ""));
    }

    @Override
    String dropStatement(String name) {
        // MariaDB drops a database with open connections; their next statement fails.
        return "DROP DATABASE IF EXISTS " + name;
    }
}
