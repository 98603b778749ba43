package dev.perfplatform.ratelimit.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a rate-limit configuration mistake as Boot's "APPLICATION FAILED TO START" with a description and an
 * action, instead of nested bean-creation traces. Registered in {@code META-INF/spring.factories}.
 */
final class InvalidRateLimitConfigurationFailureAnalyzer
        extends AbstractFailureAnalyzer<InvalidRateLimitConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidRateLimitConfigurationException cause) {
        return new FailureAnalysis(
                "The rate limiter's configuration is invalid: " + cause.getMessage(), action(cause), cause);
    }

    private static String action(InvalidRateLimitConfigurationException cause) {
        String action = cause.action();
        if (action != null) {
            return action;
        }
        if (cause.property().startsWith("@RateLimited")) {
            return "Configure the policy the annotation names under 'ratelimit.policies', or name a configured one.";
        }
        return "Correct '" + cause.property() + "' in the application's configuration.";
    }
}
