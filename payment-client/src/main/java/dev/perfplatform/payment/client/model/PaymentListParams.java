package dev.perfplatform.payment.client.model;

import dev.perfplatform.payment.client.internal.Args;
import org.jspecify.annotations.Nullable;

/**
 * Query of {@code GET /payments}: an optional order filter and the page to read.
 *
 * @param orderId only this order's payments; null for all
 * @param limit page size (1 to 100); null for the server's default
 * @param startingAfter cursor: the {@code nextCursor} of the previous page; null for the first page
 */
public record PaymentListParams(
        @Nullable String orderId,
        @Nullable Integer limit,
        @Nullable String startingAfter) {

    /** Checks the limit. */
    public PaymentListParams {
        ListLimits.check(limit);
    }

    /** Every payment, first page, server's page size. */
    public static PaymentListParams all() {
        return new PaymentListParams(null, null, null);
    }

    /** The payments of one order. */
    public static PaymentListParams forOrder(String orderId) {
        return new PaymentListParams(Args.text(orderId, "orderId"), null, null);
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
