package dev.perfplatform.payment.client;

import java.util.Locale;

/** How a logical call ended, as the {@code outcome} tag of {@code payment.client.requests}. */
public enum CallOutcome {
    /** 2xx with a known result. */
    SUCCESS,
    /** 4xx (after retries, for 409 and 429). */
    CLIENT_ERROR,
    /** 5xx after retries, or an unreadable answer. */
    SERVER_ERROR,
    /** No answer after retries. */
    TRANSPORT_ERROR,
    /** 202: the provider's answer is unknown (a confirm or refund). */
    UNKNOWN;

    /** The tag value: the name in lower case. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
