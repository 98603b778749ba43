package dev.perfplatform.payment.client.spring;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Conditions on a property having text: an application maps {@code FLUXPAY_BASE_URL} with {@code
 * ${FLUXPAY_BASE_URL:}}, which binds an empty string when the variable is unset, and that must mean "not
 * configured".
 */
final class FluxPayConditions {

    private FluxPayConditions() {}

    /** {@code fluxpay.client.base-url} has text. */
    static final class OnBaseUrl extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String baseUrl = context.getEnvironment().getProperty("fluxpay.client.base-url");
            return StringUtils.hasText(baseUrl)
                    ? ConditionOutcome.match("fluxpay.client.base-url is set")
                    : ConditionOutcome.noMatch("fluxpay.client.base-url is not set");
        }
    }

    /** {@code fluxpay.client.webhook.secrets} holds a secret. */
    static final class OnWebhookSecrets extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            List<String> secrets = Binder.get(context.getEnvironment())
                    .bind("fluxpay.client.webhook.secrets", Bindable.listOf(String.class))
                    .orElse(List.of());
            return secrets.stream().anyMatch(StringUtils::hasText)
                    ? ConditionOutcome.match("fluxpay.client.webhook.secrets is set")
                    : ConditionOutcome.noMatch("fluxpay.client.webhook.secrets is not set");
        }
    }
}
