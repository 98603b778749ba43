package dev.perfplatform.ratelimit;

import dev.perfplatform.ratelimit.memory.InMemoryEngine;

class InMemoryEngineContractTests extends RateLimiterContract {
    @Override
    RateLimiterEngine newEngine(TimeSource clock) {
        return InMemoryEngine.builder().timeSource(clock).build();
    }
}
