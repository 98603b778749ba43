package dev.perfplatform.ratelimit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.perfplatform.ratelimit.Limit;
import dev.perfplatform.ratelimit.RateLimitPolicy;
import dev.perfplatform.ratelimit.memory.InMemoryEngine;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemoryEngineAccessTests {

    private final RateLimitPolicy policy = RateLimitPolicy.of("p", Limit.fixedWindow(1, Duration.ofMinutes(1)));

    @Test
    void theStoreDecidesOnTheEnginesOwnState() {
        try (InMemoryEngine engine = InMemoryEngine.create()) {
            DecisionStore store = InMemoryEngineAccess.decisionStore(engine);

            assertThat(store.decide(policy, "k", 1).isAllowed()).isTrue();
            assertThat(engine.limiter(policy).acquire("k").isAllowed()).isFalse();
            assertThat(engine.keyCount()).isEqualTo(1);
        }
    }

    @Test
    void nobodyElseCanReplaceTheAccessor() {
        InMemoryEngine.create().close();

        assertThatIllegalStateException().isThrownBy(() -> InMemoryEngineAccess.register(engine -> null));
    }
}
