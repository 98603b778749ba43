package dev.perfplatform.ratelimit.redis;

import dev.perfplatform.ratelimit.Decision;
import dev.perfplatform.ratelimit.RateLimitPolicy;
import dev.perfplatform.ratelimit.TimeSource;
import dev.perfplatform.ratelimit.internal.DecisionStore;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.async.RedisKeyAsyncCommands;
import io.lettuce.core.api.async.RedisScriptingAsyncCommands;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/** Decisions made by the Lua script, one round trip each, bounded by the engine's command timeout. */
final class RedisDecisionStore implements DecisionStore {

    private final RedisScriptingAsyncCommands<String, String> scripting;
    private final RedisKeyAsyncCommands<String, String> keyCommands;
    private final String keyPrefix;
    private final @Nullable TimeSource clock;
    private final long timeoutMillis;
    private final Map<RateLimitPolicy, PolicyScript> scripts = new ConcurrentHashMap<>();

    RedisDecisionStore(
            RedisScriptingAsyncCommands<String, String> scripting,
            RedisKeyAsyncCommands<String, String> keyCommands,
            String keyPrefix,
            @Nullable TimeSource clock,
            Duration timeout) {
        this.scripting = scripting;
        this.keyCommands = keyCommands;
        this.keyPrefix = keyPrefix;
        this.clock = clock;
        this.timeoutMillis = Math.max(1, timeout.toMillis());
    }

    @Override
    public Decision decide(RateLimitPolicy policy, String key, long permits) {
        return decideAsync(policy, key, permits).toCompletableFuture().join();
    }

    @Override
    public CompletionStage<Decision> decideAsync(RateLimitPolicy policy, String key, long permits) {
        PolicyScript script = scripts.computeIfAbsent(policy, p -> new PolicyScript(keyPrefix, p));
        long now = clock == null ? -1 : clock.currentMicros();
        CompletableFuture<List<Object>> call = RedisScript.run(scripting, script.keys(key), script.args(now, permits))
                .toCompletableFuture();
        return call.orTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .whenComplete((reply, error) -> {
                    if (error != null) {
                        call.cancel(false); // a command still queued while disconnected is then never sent
                    }
                })
                .thenApply(reply -> toDecision(policy, permits, reply));
    }

    @Override
    public void reset(RateLimitPolicy policy, String key) {
        PolicyScript script = scripts.computeIfAbsent(policy, p -> new PolicyScript(keyPrefix, p));
        keyCommands
                .unlink(script.keys(key))
                .toCompletableFuture()
                .orTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .join();
    }

    private static Decision toDecision(RateLimitPolicy policy, long permits, List<Object> reply) {
        boolean allowed = number(reply, 0) == 1;
        int deciding = (int) number(reply, 1);
        long remaining = number(reply, 2);
        long reset = number(reply, 3);
        return allowed
                ? Decision.allowed(policy, deciding, permits, remaining, reset)
                : Decision.denied(policy, deciding, permits, remaining, reset, number(reply, 4));
    }

    private static long number(List<Object> reply, int index) {
        return ((Number) reply.get(index)).longValue();
    }

    /** Names a failure for the {@code cause} tag of {@code ratelimit.redis.errors}. */
    static String causeOf(Throwable error) {
        if (error instanceof TimeoutException || error instanceof RedisCommandTimeoutException) {
            return "timeout";
        }
        if (error instanceof RedisConnectionException || error instanceof IOException) {
            return "connection";
        }
        if (error instanceof RedisException) {
            String message = error.getMessage();
            return message != null && (message.startsWith("ERR") || message.contains("script"))
                    ? "script"
                    : "connection";
        }
        return "other";
    }
}
