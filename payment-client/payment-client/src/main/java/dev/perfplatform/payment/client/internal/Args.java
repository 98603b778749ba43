package dev.perfplatform.payment.client.internal;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Argument checks at public entry points, with messages that name the argument. */
public final class Args {

    private Args() {}

    /** Returns {@code value}, or throws when it is null or blank. */
    public static String text(@Nullable String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    /** Returns {@code value}, or throws when it is null. */
    public static <T> T notNull(@Nullable T value, String name) {
        return Objects.requireNonNull(value, () -> name + " must not be null");
    }

    /** Returns {@code value}, or throws when it is not greater than zero. */
    public static long positive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be greater than 0, was " + value);
        }
        return value;
    }

    /** Returns {@code value}, or throws when it is null, zero or negative. */
    public static Duration positive(@Nullable Duration value, String name) {
        Duration checked = notNull(value, name);
        if (checked.isNegative() || checked.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + checked);
        }
        return checked;
    }

    /** Returns {@code value}, or throws when it is null or negative. */
    public static Duration notNegative(@Nullable Duration value, String name) {
        Duration checked = notNull(value, name);
        if (checked.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + checked);
        }
        return checked;
    }
}
