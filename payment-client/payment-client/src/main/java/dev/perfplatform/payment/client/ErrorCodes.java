package dev.perfplatform.payment.client;

/**
 * The FluxPay error codes the client itself acts on. FluxPay's codes come in families: {@code ORD_*} (orders),
 * {@code PAY_*} (payments and refunds), {@code VAL_*} (validation and idempotency), {@code AUTH_*}, {@code RATE_*},
 * {@code SYS_*}; every other code reaches the caller as {@link FluxPayApiException#code()}.
 *
 * <table>
 * <caption>How the client maps an error answer</caption>
 * <tr><th>status</th><th>code</th><th>client</th></tr>
 * <tr><td>401</td><td>{@value #AUTHENTICATION_FAILED}</td><td>{@link AuthenticationException}</td></tr>
 * <tr><td>409</td><td>{@value #IDEMPOTENCY_KEY_IN_PROGRESS} or none</td><td>retried, then
 *     {@link FluxPayApiException}</td></tr>
 * <tr><td>409</td><td>any other</td><td>{@link FluxPayApiException}, not retried</td></tr>
 * <tr><td>422</td><td>{@value #IDEMPOTENCY_KEY_REUSED}</td><td>{@link IdempotencyConflictException}</td></tr>
 * <tr><td>429</td><td>{@value #RATE_LIMITED}</td><td>retried, then {@link RateLimitedException}</td></tr>
 * <tr><td>5xx</td><td>any</td><td>retried, then {@link FluxPayApiException}</td></tr>
 * <tr><td>other 4xx</td><td>any</td><td>{@link FluxPayApiException}, not retried</td></tr>
 * </table>
 */
public final class ErrorCodes {

    /** The idempotency key was used before with a different request body ({@code 422}). */
    public static final String IDEMPOTENCY_KEY_REUSED = "VAL_004";

    /** A request with this idempotency key is still being processed ({@code 409}); retry later. */
    public static final String IDEMPOTENCY_KEY_IN_PROGRESS = "VAL_005";

    /** Missing, malformed or revoked API key ({@code 401}). */
    public static final String AUTHENTICATION_FAILED = "AUTH_001";

    /** Too many requests ({@code 429}, with {@code Retry-After}). */
    public static final String RATE_LIMITED = "RATE_001";

    private ErrorCodes() {}
}
