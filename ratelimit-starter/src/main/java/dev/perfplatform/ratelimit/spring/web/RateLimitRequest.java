package dev.perfplatform.ratelimit.spring.web;

import org.jspecify.annotations.Nullable;

/** A web request as the limiter sees it, whatever the stack. */
public interface RateLimitRequest {

    /** Upper-case HTTP method. */
    String method();

    /** Path within the application, without the query. */
    String path();

    /** First value of a request header, or null. */
    @Nullable
    String header(String name);

    /** The client's address after trusted-proxy resolution. */
    String clientAddress();

    /** The authenticated principal's name, or null. */
    @Nullable
    String principalName();
}
