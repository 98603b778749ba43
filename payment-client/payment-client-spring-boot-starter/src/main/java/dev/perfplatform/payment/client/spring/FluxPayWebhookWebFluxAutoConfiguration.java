package dev.perfplatform.payment.client.spring;

import dev.perfplatform.payment.client.spring.webflux.ReactiveWebhookVerifier;
import dev.perfplatform.payment.client.webhook.WebhookVerifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.server.reactive.ServerHttpRequest;

/** A {@link ReactiveWebhookVerifier} for WebFlux applications that have a {@link WebhookVerifier}. */
@AutoConfiguration(after = FluxPayClientAutoConfiguration.class)
@ConditionalOnClass({ServerHttpRequest.class, ReactiveWebhookVerifier.class})
@ConditionalOnBean(WebhookVerifier.class)
public final class FluxPayWebhookWebFluxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ReactiveWebhookVerifier reactiveWebhookVerifier(WebhookVerifier verifier) {
        return new ReactiveWebhookVerifier(verifier);
    }
}
