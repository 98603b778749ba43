package dev.perfplatform.payment.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Where one attempt to deliver a webhook is. */
public enum WebhookDeliveryStatus {
    /** Waiting for its turn (scheduled or retrying later). */
    PENDING,
    /** The merchant answered 2xx. */
    SUCCEEDED,
    /** The merchant did not answer 2xx, or not in time. */
    FAILED,
    /** A status this version of the client does not know. */
    @JsonEnumDefaultValue
    UNRECOGNIZED
}
