package dev.perfplatform.testing.http;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The row counts of an app's business tables, so a test can say "this request wrote nothing": take {@link #of} before,
 * compare with {@link #of} after.
 */
public final class RowCounts {

    /** Opens a connection to the app's database. */
    @FunctionalInterface
    public interface ConnectionSource {
        Connection connect() throws SQLException;
    }

    private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]*");

    private final ConnectionSource database;
    private final List<String> tables;

    /** Counts {@code tables} (plain lowercase names) of {@code database}. */
    public RowCounts(ConnectionSource database, List<String> tables) {
        for (String table : tables) {
            if (!TABLE.matcher(table).matches()) {
                throw new IllegalArgumentException("not a plain table name: " + table);
            }
        }
        this.database = database;
        this.tables = List.copyOf(tables);
    }

    /** Each table's row count, in the order given. */
    public Map<String, Long> of() {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count rows of " + tables, e);
        }
        return counts;
    }
}
