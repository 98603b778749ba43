package dev.perfplatform.payment.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Where one attempt to deliver a webhook is. */
public enum WebhookDeliveryStatus {
    /** Waiting for its turn (scheduled or retrying later). */
    PENDING,
    /** A FluxPay worker holds it and is sending it now; it ends delivered, pending a retry, failed or disabled. */
    DELIVERING,
    /** The merchant answered 2xx. */
    SUCCEEDED,
    /** The merchant did not answer 2xx, or not in time, and the retry schedule ran out. */
    FAILED,
    /**
     * Not sent: the merchant's endpoint answered {@code 410 Gone} (or was already disabled). Nothing is sent until the
     * webhook URL is configured anew; the delivery can then be replayed.
     */
    DISABLED,
    /** A status this version of the client does not know. */
    @JsonEnumDefaultValue
    UNRECOGNIZED
}
