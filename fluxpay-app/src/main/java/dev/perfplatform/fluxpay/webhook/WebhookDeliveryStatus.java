package dev.perfplatform.fluxpay.webhook;

/**
 * Where a delivery stands: PENDING until its next attempt is due, DELIVERING while a worker holds it, then SUCCEEDED
 * (a 2xx answer), FAILED (the retry schedule ran out) or DISABLED (the endpoint answered 410 Gone, or was already
 * disabled).
 */
public enum WebhookDeliveryStatus {
    PENDING,
    DELIVERING,
    SUCCEEDED,
    FAILED,
    DISABLED
}
