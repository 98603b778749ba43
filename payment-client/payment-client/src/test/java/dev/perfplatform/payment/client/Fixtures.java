package dev.perfplatform.payment.client;

/** JSON of FluxPay resources as the server sends them, with a field this client does not know. */
final class Fixtures {

    static final String ORDER = """
            {"orderId":"ord_1","userId":"user-42","status":"PENDING","totalAmount":19800,"currency":"KRW",
             "lineItems":[{"productId":"pro","productName":"PRO plan","quantity":2,"unitPrice":9900,
                           "totalPrice":19800}],
             "metadata":{"plan":"pro"},"createdAt":"2026-03-01T12:00:00Z","updatedAt":"2026-03-01T12:00:00Z",
             "futureField":{"nested":true}}""";

    static final String PAYMENT_READY = """
            {"paymentId":"pay_1","orderId":"ord_1","status":"READY","amount":19800,"currency":"KRW",
             "checkoutUrl":"http://localhost:8081/checkout/pay_1","createdAt":"2026-03-01T12:00:00Z"}""";

    static final String PAYMENT_DONE = """
            {"paymentId":"pay_1","orderId":"ord_1","status":"DONE","amount":19800,"currency":"KRW",
             "refundedAmount":0,"paymentKey":"pk_1","approvedAt":"2026-03-01T12:01:00Z"}""";

    static final String PAYMENT_ABORTED = """
            {"paymentId":"pay_1","orderId":"ord_1","status":"ABORTED","amount":19800,"currency":"KRW",
             "refundedAmount":0,"paymentKey":"pk_1",
             "failure":{"code":"REJECT_CARD_PAYMENT","message":"limit exceeded"}}""";

    static final String PAYMENT_UNKNOWN = """
            {"paymentId":"pay_1","orderId":"ord_1","status":"UNKNOWN","amount":19800,"currency":"KRW",
             "paymentKey":"pk_1"}""";

    static final String REFUND = """
            {"refundId":"ref_1","paymentId":"pay_1","status":"SUCCEEDED","amount":5000,"currency":"KRW",
             "reason":"damaged","createdAt":"2026-03-01T12:05:00Z"}""";

    static final String REFUND_UNKNOWN = """
            {"refundId":"ref_1","paymentId":"pay_1","status":"UNKNOWN","amount":5000,"currency":"KRW"}""";

    static final String DELIVERY = """
            {"deliveryId":"dlv_1","eventId":"msg_1","eventType":"payment.confirmed","status":"FAILED",
             "attempt":2,"responseStatus":500,"error":"HTTP 500","createdAt":"2026-03-01T12:02:00Z"}""";

    private Fixtures() {}

    static String page(String items, boolean hasMore, String nextCursor) {
        return "{\"items\":[" + items + "],\"hasMore\":" + hasMore + ",\"nextCursor\":"
                + (nextCursor == null ? "null" : "\"" + nextCursor + "\"") + "}";
    }
}
