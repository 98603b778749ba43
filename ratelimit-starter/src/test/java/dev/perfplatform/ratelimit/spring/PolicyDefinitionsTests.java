package dev.perfplatform.ratelimit.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfplatform.ratelimit.Algorithm;
import dev.perfplatform.ratelimit.FailurePolicy;
import dev.perfplatform.ratelimit.Limit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyDefinitionsTests {

    private static RateLimitProperties.LimitSpec limit(String algorithm, long count, Duration window, Long burst) {
        RateLimitProperties.LimitSpec spec = new RateLimitProperties.LimitSpec();
        spec.setAlgorithm(algorithm);
        spec.setLimit(count);
        spec.setWindow(window);
        spec.setBurst(burst);
        return spec;
    }

    private static RateLimitProperties properties(RateLimitProperties.Policy policy) {
        RateLimitProperties properties = new RateLimitProperties();
        properties.getPolicies().put("api", policy);
        return properties;
    }

    private static RateLimitProperties.Policy policy(RateLimitProperties.LimitSpec... limits) {
        RateLimitProperties.Policy policy = new RateLimitProperties.Policy();
        policy.setLimits(List.of(limits));
        return policy;
    }

    @Test
    void turnsTheRoadmapPoliciesIntoCoreLimits() {
        RateLimitProperties.Policy ai = policy(limit("token-bucket", 5, Duration.ofMinutes(1), 3L));
        ai.setKey("user");
        ai.setFailure(RateLimitProperties.FailureMode.LOCAL);
        ai.setLocalShare(0.5);
        ai.setMethods(List.of("post"));

        PolicyDefinition definition =
                PolicyDefinitions.from(properties(ai), name -> false).get("api");

        assertThat(definition.policy().limits()).containsExactly(Limit.tokenBucket(3, 5, Duration.ofMinutes(1)));
        assertThat(definition.policy().failurePolicy()).isEqualTo(FailurePolicy.localFallback(0.5));
        assertThat(definition.key()).isEqualTo("user");
        assertThat(definition.methods()).containsExactly("POST");
    }

    @ParameterizedTest
    @CsvSource({
        "token-bucket, TOKEN_BUCKET",
        "gcra, GCRA",
        "fixed-window, FIXED_WINDOW",
        "sliding-window, SLIDING_WINDOW_COUNTER",
        "sliding-window-counter, SLIDING_WINDOW_COUNTER",
        "sliding-window-log, SLIDING_WINDOW_LOG"
    })
    void acceptsEveryAlgorithmName(String name, Algorithm algorithm) {
        PolicyDefinition definition = PolicyDefinitions.from(
                        properties(policy(limit(name, 100, Duration.ofMinutes(1), null))), n -> false)
                .get("api");

        assertThat(definition.policy().limits().get(0).algorithm()).isEqualTo(algorithm);
    }

    @Test
    void rejectsAnUnknownAlgorithmNamingTheProperty() {
        assertThatThrownBy(() -> PolicyDefinitions.from(
                        properties(policy(limit("leaky-bucket", 1, Duration.ofSeconds(1), null))), n -> false))
                .isInstanceOf(InvalidRateLimitConfigurationException.class)
                .hasMessageStartingWith("ratelimit.policies.api.limits[0].algorithm: unknown algorithm 'leaky-bucket'");
    }

    @Test
    void rejectsAZeroLimitNamingTheProperty() {
        assertThatThrownBy(() -> PolicyDefinitions.from(
                        properties(policy(limit("fixed-window", 0, Duration.ofSeconds(1), null))), n -> false))
                .hasMessage("ratelimit.policies.api.limits[0].limit: must be at least 1 but was 0");
    }

    @Test
    void rejectsABurstBelowOneNamingTheProperty() {
        assertThatThrownBy(() -> PolicyDefinitions.from(
                        properties(policy(limit("token-bucket", 5, Duration.ofSeconds(1), 0L))), n -> false))
                .hasMessage("ratelimit.policies.api.limits[0].burst: must be at least 1 but was 0");
    }

    @Test
    void rejectsAMissingWindowNamingTheProperty() {
        assertThatThrownBy(() -> PolicyDefinitions.from(properties(policy(limit("gcra", 5, null, null))), n -> false))
                .hasMessageStartingWith("ratelimit.policies.api.limits[0].window:");
    }

    @Test
    void rejectsAnUnknownKeyResolverNamingTheProperty() {
        RateLimitProperties.Policy policy = policy(limit("gcra", 5, Duration.ofSeconds(1), null));
        policy.setKey("tenantResolver");

        assertThatThrownBy(() -> PolicyDefinitions.from(properties(policy), n -> false))
                .hasMessageStartingWith("ratelimit.policies.api.key: unknown key 'tenantResolver'");
        assertThat(PolicyDefinitions.from(properties(policy), "tenantResolver"::equals)
                        .get("api")
                        .key())
                .isEqualTo("tenantResolver");
    }

    @Test
    void rejectsAPolicyWithoutLimitsAndUnknownMethods() {
        assertThatThrownBy(() -> PolicyDefinitions.from(properties(policy()), n -> false))
                .hasMessage("ratelimit.policies.api.limits: a policy needs at least one limit");
        RateLimitProperties.Policy policy = policy(limit("gcra", 5, Duration.ofSeconds(1), null));
        policy.setMethods(List.of("FETCH"));
        assertThatThrownBy(() -> PolicyDefinitions.from(properties(policy), n -> false))
                .hasMessage("ratelimit.policies.api.methods: unknown HTTP method 'FETCH'");
    }

    @Test
    void keepsTheOrderOfThePolicies() {
        RateLimitProperties properties = new RateLimitProperties();
        for (String name : List.of("zeta", "alpha", "mid")) {
            properties.getPolicies().put(name, policy(limit("gcra", 5, Duration.ofSeconds(1), null)));
        }

        Map<String, PolicyDefinition> definitions = PolicyDefinitions.from(properties, n -> false);

        assertThat(definitions.keySet()).containsExactly("zeta", "alpha", "mid");
    }
}
