package dev.perfplatform.payment.client.model;

import org.jspecify.annotations.Nullable;

/** The page size bounds every list endpoint accepts. */
final class ListLimits {

    static final int MAX = 100;

    private ListLimits() {}

    static void check(@Nullable Integer limit) {
        if (limit != null && (limit < 1 || limit > MAX)) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX + ", was " + limit);
        }
    }
}
