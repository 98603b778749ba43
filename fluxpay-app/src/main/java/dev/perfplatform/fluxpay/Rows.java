package dev.perfplatform.fluxpay;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Reads columns of an R2DBC row, failing loudly when a NOT NULL column comes back null. */
public final class Rows {

    private Rows() {}

    public static String string(Readable row, String column) {
        return required(row.get(column, String.class), column);
    }

    public static long number(Readable row, String column) {
        return required(row.get(column, Number.class), column).longValue();
    }

    public static UUID uuid(Readable row, String column) {
        return required(row.get(column, UUID.class), column);
    }

    public static Instant instant(Readable row, String column) {
        return required(row.get(column, OffsetDateTime.class), column).toInstant();
    }

    public static @Nullable Instant nullableInstant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static <T> T required(@Nullable T value, String column) {
        if (value == null) {
            throw new IllegalStateException(column + " is null");
        }
        return value;
    }
}
