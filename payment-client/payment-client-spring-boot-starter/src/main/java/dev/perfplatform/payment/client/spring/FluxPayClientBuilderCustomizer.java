package dev.perfplatform.payment.client.spring;

import dev.perfplatform.payment.client.FluxPayClient;

/** Adjusts the auto-configured client's builder after the properties are applied (e.g. an own OkHttpClient). */
@FunctionalInterface
public interface FluxPayClientBuilderCustomizer {

    /** Adjusts {@code builder}. */
    void customize(FluxPayClient.Builder builder);
}
