package dev.perfplatform.testing.http;

import java.util.Locale;

/** One method and path pattern an app serves, e.g. {@code POST /api/v1/orders/{orderId}/cancel}. */
public record Endpoint(String method, String pattern) {

    /** The pattern with every {@code {variable}} replaced by {@code value}. */
    public String samplePath(String value) {
        return pattern.replaceAll("\\{[^}]+}", value);
    }

    /** Whether the pattern starts with {@code prefix}. */
    public boolean isUnder(String prefix) {
        return pattern.startsWith(prefix);
    }

    /** The method in lower case, as OpenAPI documents key their operations. */
    public String openApiMethod() {
        return method.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return method + " " + pattern;
    }
}
