package dev.perfplatform.payment.client.internal;

import tools.jackson.databind.JsonNode;

/**
 * Turns the {@code data} of a successful envelope into the call's result.
 *
 * @param <T> the result
 */
@FunctionalInterface
public interface ResponseDecoder<T> {

    /**
     * Decodes a 2xx answer.
     *
     * @param status the HTTP status (200, 201 or 202)
     * @param data the envelope's {@code data}
     * @param requestId the request id of the call
     */
    T decode(int status, JsonNode data, String requestId);
}
