package dev.perfplatform.payment.client.webhook;

/** The event types FluxPay sends to merchants. */
public final class WebhookEventTypes {

    /** A payment was confirmed (captured); data: the payment. */
    public static final String PAYMENT_CONFIRMED = "payment.confirmed";

    /** A payment failed for good; data: the payment. */
    public static final String PAYMENT_FAILED = "payment.failed";

    /** A confirm's outcome is unknown, FluxPay is reconciling; data: the payment. */
    public static final String PAYMENT_UNKNOWN = "payment.unknown";

    /** A payment was fully refunded; data: the payment. */
    public static final String PAYMENT_CANCELED = "payment.canceled";

    /** A payment was partly refunded; data: the payment. */
    public static final String PAYMENT_PARTIALLY_CANCELED = "payment.partially_canceled";

    /** A refund went through; data: the refund. */
    public static final String REFUND_SUCCEEDED = "refund.succeeded";

    /** A refund was refused; data: the refund. */
    public static final String REFUND_FAILED = "refund.failed";

    private WebhookEventTypes() {}
}
