package dev.perfplatform.payment.client;

import org.jspecify.annotations.Nullable;

/**
 * A validation error of one request field ({@code VAL_*} codes).
 *
 * @param field the field's path, e.g. {@code lineItems[0].quantity}
 * @param message what is wrong with it
 */
public record FieldError(@Nullable String field, @Nullable String message) {}
