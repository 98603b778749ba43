package dev.perfplatform.moalog;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * Reading and writing columns the same way everywhere: an instant is a {@code DATETIME(6)} holding UTC, bound and read
 * as a {@link LocalDateTime} at offset zero, so neither the driver's nor the server's time zone can shift it.
 */
public final class Rows {

    private Rows() {}

    /** {@code instant} as the UTC wall time a {@code DATETIME(6)} column stores. */
    public static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static Instant instant(Readable row, String column) {
        LocalDateTime value = row.get(column, LocalDateTime.class);
        if (value == null) {
            throw new IllegalStateException(column + " is null");
        }
        return value.toInstant(ZoneOffset.UTC);
    }

    public static @Nullable Instant nullableInstant(Readable row, String column) {
        LocalDateTime value = row.get(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    public static long number(Readable row, String column) {
        Number value = row.get(column, Number.class);
        if (value == null) {
            throw new IllegalStateException(column + " is null");
        }
        return value.longValue();
    }

    public static @Nullable Long nullableNumber(Readable row, String column) {
        Number value = row.get(column, Number.class);
        return value == null ? null : value.longValue();
    }

    public static String string(Readable row, String column) {
        String value = row.get(column, String.class);
        if (value == null) {
            throw new IllegalStateException(column + " is null");
        }
        return value;
    }

    public static @Nullable String nullableString(Readable row, String column) {
        return row.get(column, String.class);
    }
}
