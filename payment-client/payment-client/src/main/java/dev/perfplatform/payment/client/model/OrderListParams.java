package dev.perfplatform.payment.client.model;

import dev.perfplatform.payment.client.internal.Args;
import org.jspecify.annotations.Nullable;

/**
 * Query of {@code GET /orders}: an optional buyer filter and the page to read.
 *
 * @param userId only this buyer's orders; null for all
 * @param limit page size (1 to 100); null for the server's default
 * @param startingAfter cursor: the {@code nextCursor} of the previous page; null for the first page
 */
public record OrderListParams(
        @Nullable String userId,
        @Nullable Integer limit,
        @Nullable String startingAfter) {

    /** Checks the limit. */
    public OrderListParams {
        ListLimits.check(limit);
    }

    /** Every order, first page, server's page size. */
    public static OrderListParams all() {
        return new OrderListParams(null, null, null);
    }

    /** The orders of one buyer. */
    public static OrderListParams forUser(String userId) {
        return new OrderListParams(Args.text(userId, "userId"), null, null);
    }

    /** These parameters with another page size. */
    public OrderListParams withLimit(int limit) {
        return new OrderListParams(userId, limit, startingAfter);
    }

    /** These parameters starting after {@code cursor}. */
    public OrderListParams withStartingAfter(String cursor) {
        return new OrderListParams(userId, limit, Args.text(cursor, "cursor"));
    }
}
