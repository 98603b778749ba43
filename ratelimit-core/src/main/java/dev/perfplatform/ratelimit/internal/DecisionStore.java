package dev.perfplatform.ratelimit.internal;

import dev.perfplatform.ratelimit.Decision;
import dev.perfplatform.ratelimit.RateLimitPolicy;
import java.util.concurrent.CompletionStage;

/** What an engine implements: decisions on its state. Arguments are already checked; permits 0 means peek. */
public interface DecisionStore {

    /** Decides, blocking at most for the engine's own timeout. */
    Decision decide(RateLimitPolicy policy, String key, long permits);

    /** Decides without blocking the caller. */
    CompletionStage<Decision> decideAsync(RateLimitPolicy policy, String key, long permits);

    /** Forgets {@code key}. */
    void reset(RateLimitPolicy policy, String key);
}
