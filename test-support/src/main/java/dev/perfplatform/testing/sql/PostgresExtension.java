package dev.perfplatform.testing.sql;

import dev.perfplatform.testing.internal.ServiceUrl;
import dev.perfplatform.testing.internal.SqlEngineKind;
import java.util.Objects;

/** The extension behind {@link PostgresTest}. */
public final class PostgresExtension extends SqlDatabaseExtension<PostgresDatabase> {

    /** Used by JUnit. */
    public PostgresExtension() {
        super(SqlEngineKind.POSTGRES, PostgresDatabase.class);
    }

    @Override
    PostgresDatabase database(ServiceUrl server, String name) {
        return new PostgresDatabase(
                server.host(),
                server.port(),
                name,
                Objects.requireNonNullElse(server.user(), "postgres"),
                Objects.requireNonNullElse(server.password(), ""));
    }

    @Override
    String dropStatement(String name) {
        return "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)";
    }
}
