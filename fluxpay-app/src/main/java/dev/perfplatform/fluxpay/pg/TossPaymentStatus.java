package dev.perfplatform.fluxpay.pg;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The {@code status} of TossPayments' Payment object, as its API and webhooks write it (also the PG simulator's
 * books). A status Toss adds later reads as none of these, and is treated as not settled.
 */
public enum TossPaymentStatus {
    READY,
    IN_PROGRESS,
    WAITING_FOR_DEPOSIT,
    DONE,
    CANCELED,
    PARTIAL_CANCELED,
    ABORTED,
    EXPIRED;

    private static final Map<String, TossPaymentStatus> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Enum::name, Function.identity()));

    /** The status {@code name} stands for; null when it is none this engine knows (or null). */
    public static @Nullable TossPaymentStatus of(@Nullable String name) {
        return name == null ? null : BY_NAME.get(name);
    }
}
