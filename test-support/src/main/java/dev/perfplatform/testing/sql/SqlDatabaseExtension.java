package dev.perfplatform.testing.sql;

import dev.perfplatform.testing.internal.ClassScopedResources;
import dev.perfplatform.testing.internal.EngineResolver;
import dev.perfplatform.testing.internal.ServiceUrl;
import dev.perfplatform.testing.internal.SqlEngineKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Creates a database for each test class before it runs and drops it afterwards; injects it as a parameter. */
abstract class SqlDatabaseExtension<D extends TestDatabase>
        implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final int MAX_NAME_LENGTH = 60;

    private final SqlEngineKind kind;
    private final Class<D> type;

    SqlDatabaseExtension(SqlEngineKind kind, Class<D> type) {
        this.kind = kind;
        this.type = type;
    }

    /** The database value handed to tests. */
    abstract D database(ServiceUrl server, String name);

    /** SQL that drops {@code name} even while connections to it remain. */
    abstract String dropStatement(String name);

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        ServiceUrl server = EngineResolver.standard(key -> ClassScopedResources.configuration(context, key))
                .resolve(kind);
        String name = ClassScopedResources.uniqueName("t", context.getRequiredTestClass(), MAX_NAME_LENGTH);
        execute(server, "CREATE DATABASE " + name);
        ClassScopedResources.put(context, type, database(server, name));
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        D database = ClassScopedResources.remove(context, type);
        if (database != null) {
            ServiceUrl server = new ServiceUrl(
                    kind.localDefault().scheme(),
                    database.host(),
                    database.port(),
                    database.username(),
                    database.password(),
                    kind.localDefault().path());
            execute(server, dropStatement(database.name()));
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == type;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return ClassScopedResources.find(context, type);
    }

    private void execute(ServiceUrl server, String sql) throws SQLException {
        try (Connection connection = kind.connect(server, server.path());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
