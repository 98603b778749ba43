package dev.perfplatform.payment.client.spring;

import dev.perfplatform.payment.client.ClientListener;
import dev.perfplatform.payment.client.FluxPayClient;
import dev.perfplatform.payment.client.RetryPolicy;
import dev.perfplatform.payment.client.micrometer.FluxPayClientMetrics;
import dev.perfplatform.payment.client.webhook.WebhookSecret;
import dev.perfplatform.payment.client.webhook.WebhookVerifier;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * Auto-configuration of the {@link FluxPayClient} (when {@code fluxpay.client.base-url} is set) and the {@link
 * WebhookVerifier} (when {@code fluxpay.client.webhook.secrets} is), with Micrometer metrics when a {@link
 * MeterRegistry} is present.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"
        })
@EnableConfigurationProperties(FluxPayClientProperties.class)
public final class FluxPayClientAutoConfiguration {

    /** The client; fails start-up, naming the property, when the base URL has no API key. */
    @Bean
    @ConditionalOnMissingBean
    @Conditional(FluxPayConditions.OnBaseUrl.class)
    FluxPayClient fluxPayClient(
            FluxPayClientProperties properties,
            ObjectProvider<ClientListener> listener,
            ObjectProvider<FluxPayClientBuilderCustomizer> customizers) {
        FluxPayClient.Builder builder =
                builder(properties).listener(listener.getIfAvailable(() -> ClientListener.NONE));
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    /** The verifier of FluxPay's webhooks; fails start-up, naming the property, on a malformed secret. */
    @Bean
    @ConditionalOnMissingBean
    @Conditional(FluxPayConditions.OnWebhookSecrets.class)
    WebhookVerifier fluxPayWebhookVerifier(FluxPayClientProperties properties) {
        return verifier(properties.getWebhook());
    }

    /** The properties as a client builder: the one place they are converted. */
    static FluxPayClient.Builder builder(FluxPayClientProperties properties) {
        String baseUrl = properties.getBaseUrl();
        String apiKey = properties.getApiKey();
        if (!StringUtils.hasText(baseUrl)) {
            throw new IllegalStateException("fluxpay.client.base-url must be set");
        }
        if (!StringUtils.hasText(apiKey)) {
            throw new IllegalStateException(
                    "fluxpay.client.api-key must be set when fluxpay.client.base-url is (map it from FLUXPAY_API_KEY)");
        }
        FluxPayClientProperties.Retry retry = properties.getRetry();
        try {
            return FluxPayClient.builder()
                    .baseUrl(baseUrl)
                    .apiKey(apiKey)
                    .connectTimeout(properties.getConnectTimeout())
                    .readTimeout(properties.getReadTimeout())
                    .writeTimeout(properties.getWriteTimeout())
                    .maxResponseBytes(bytes(properties.getMaxResponseSize()))
                    .retryPolicy(RetryPolicy.builder()
                            .maxRetries(retry.getMaxRetries())
                            .baseDelay(retry.getBaseDelay())
                            .maxDelay(retry.getMaxDelay())
                            .deadline(retry.getDeadline())
                            .build());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("fluxpay.client: " + e.getMessage()); // the message is the whole story
        }
    }

    private static int bytes(DataSize size) {
        if (size.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxResponseSize (" + size + ") must be below 2GB");
        }
        return (int) size.toBytes();
    }

    static WebhookVerifier verifier(FluxPayClientProperties.Webhook webhook) {
        WebhookVerifier.Builder builder = WebhookVerifier.builder().tolerance(webhook.getTolerance());
        List<String> secrets = webhook.getSecrets();
        for (int i = 0; i < secrets.size(); i++) {
            if (!StringUtils.hasText(secrets.get(i))) {
                continue;
            }
            try {
                builder.secret(WebhookSecret.parse(secrets.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("fluxpay.client.webhook.secrets[" + i + "]: " + e.getMessage());
            }
        }
        return builder.build();
    }

    /** Records {@code payment.client.requests} and {@code payment.client.retries}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class MetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        ClientListener fluxPayClientListener(ObjectProvider<MeterRegistry> registry) {
            MeterRegistry meters = registry.getIfAvailable();
            return meters == null ? ClientListener.NONE : FluxPayClientMetrics.listener(meters);
        }
    }
}
