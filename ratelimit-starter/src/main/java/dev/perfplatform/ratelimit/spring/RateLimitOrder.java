package dev.perfplatform.ratelimit.spring;

/** Where the rate-limit filter sits among the application's filters. */
public final class RateLimitOrder {

    /**
     * Default order: after Spring Security's filter chain (order -100) and CORS, so the {@code user} key sees the
     * authenticated principal and a 429 still carries CORS headers.
     */
    public static final int DEFAULT_FILTER_ORDER = -99;

    private RateLimitOrder() {}
}
