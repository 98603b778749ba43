package dev.perfplatform.payment.client.model;

import dev.perfplatform.payment.client.internal.Args;
import org.jspecify.annotations.Nullable;

/**
 * Query of {@code GET /payments}: the order whose payments to list and the page to read.
 *
 * @param orderId the order
 * @param limit page size (1 to 100); null for the server's default
 * @param startingAfter cursor: the {@code nextCursor} of the previous page; null for the first page
 */
public record PaymentListParams(
        @Nullable String orderId,
        @Nullable Integer limit,
        @Nullable String startingAfter) {

    /** Checks the order and the limit. */
    public PaymentListParams {
        Args.text(orderId, "orderId");
        ListLimits.check(limit);
    }

    /** The payments of one order, first page, server's page size. */
    public static PaymentListParams forOrder(String orderId) {
        return new PaymentListParams(orderId, null, null);
    }

    /** These parameters with another page size. */
    public PaymentListParams withLimit(int limit) {
        return new PaymentListParams(orderId, limit, startingAfter);
    }

    /** These parameters starting after {@code cursor}. */
    public PaymentListParams withStartingAfter(String cursor) {
        return new PaymentListParams(orderId, limit, Args.text(cursor, "cursor"));
    }
}
