package dev.perfplatform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitPolicyTests {

    private final RateLimitPolicy policy = RateLimitPolicy.builder("api")
            .limit(Limit.tokenBucket(10, 10, Duration.ofSeconds(1)))
            .limit(Limit.fixedWindow(1000, Duration.ofHours(1)))
            .build();

    @Test
    void capsPermitsAtTheSmallestCapacity() {
        assertThat(policy.maxPermits()).isEqualTo(10);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> policy.checkRequest("k", 11))
                .withMessage("permits must be at most 10 (the smallest capacity of policy 'api') but was 11");
    }

    @Test
    void rejectsZeroAndNegativePermits() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> policy.checkRequest("k", 0))
                .withMessage("permits must be positive but was 0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> policy.checkRequest("k", -3))
                .withMessage("permits must be positive but was -3");
    }

    @Test
    void rejectsAnEmptyKey() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> policy.checkRequest("", 1))
                .withMessage("key must not be empty");
    }

    @Test
    void rejectsNamesThatCannotGoIntoHeadersOrKeys() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RateLimitPolicy.builder("my policy"))
                .withMessageContaining("but was 'my policy'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RateLimitPolicy.builder("a{b}"))
                .withMessageContaining("[A-Za-z0-9._:-]");
    }

    @Test
    void needsAtLeastOneLimit() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RateLimitPolicy.builder("empty").build())
                .withMessage("policy 'empty' must have between 1 and 8 limits but has 0");
    }

    @Test
    void failsOpenByDefaultAndKeepsSettingsInToBuilder() {
        assertThat(policy.failurePolicy()).isEqualTo(FailurePolicy.failOpen());
        RateLimitPolicy shadow = policy.toBuilder().shadow(true).build();

        assertThat(shadow.isShadow()).isTrue();
        assertThat(shadow.limits()).isEqualTo(policy.limits());
    }

    @Test
    void rejectsALocalShareOutsideZeroToOne() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> FailurePolicy.localFallback(0))
                .withMessage("share must be in (0, 1] but was 0.0");
        assertThat(FailurePolicy.localFallback(0.5).localShare()).isEqualTo(0.5);
    }
}
