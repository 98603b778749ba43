package dev.perfplatform.ratelimit.redis;

import dev.perfplatform.ratelimit.Decision;
import dev.perfplatform.ratelimit.RateLimitPolicy;
import dev.perfplatform.ratelimit.TimeSource;
import dev.perfplatform.ratelimit.internal.CallDeadlines;
import dev.perfplatform.ratelimit.internal.DecisionStore;
import dev.perfplatform.ratelimit.internal.Futures;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.async.RedisKeyAsyncCommands;
import io.lettuce.core.api.async.RedisScriptingAsyncCommands;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/** Decisions made by the Lua script, one round trip each, bounded by the engine's command timeout. */
final class RedisDecisionStore implements DecisionStore {

    private final RedisScriptingAsyncCommands<String, String> scripting;
    private final RedisKeyAsyncCommands<String, String> keyCommands;
    private final String keyPrefix;
    private final @Nullable TimeSource clock;
    private final CallDeadlines deadlines;
    private final boolean coalesce;
    private final Map<RateLimitPolicy, Scripted> scripts = new ConcurrentHashMap<>();

    /** A policy's prepared script arguments and its in-flight calls per key. */
    private record Scripted(PolicyScript script, KeyBatches batches) {}

    RedisDecisionStore(
            RedisScriptingAsyncCommands<String, String> scripting,
            RedisKeyAsyncCommands<String, String> keyCommands,
            String keyPrefix,
            @Nullable TimeSource clock,
            Duration timeout,
            boolean coalesce) {
        this.scripting = scripting;
        this.keyCommands = keyCommands;
        this.keyPrefix = keyPrefix;
        this.clock = clock;
        this.deadlines = new CallDeadlines(timeout);
        this.coalesce = coalesce;
    }

    @Override
    public Decision decide(RateLimitPolicy policy, String key, long permits) {
        return Futures.join(decideAsync(policy, key, permits));
    }

    @Override
    @SuppressWarnings("FutureReturnValueIgnored") // known gap (issue 17): a throwing callback strands the key's queue
    public CompletionStage<Decision> decideAsync(RateLimitPolicy policy, String key, long permits) {
        Scripted scripted = scripted(policy);
        long[] single = {permits};
        if (!coalesce) {
            return call(policy, scripted.script(), key, single, 1).thenApply(decisions -> decisions[0]);
        }
        KeyBatches.Batch mine = new KeyBatches.Batch();
        CompletableFuture<Decision> queued = scripted.batches().join(key, permits, mine);
        if (queued != null) {
            return queued;
        }
        CompletableFuture<Decision> result = new CompletableFuture<>();
        call(policy, scripted.script(), key, single, 1).whenComplete((decisions, error) -> {
            if (error != null) {
                result.completeExceptionally(error);
            } else {
                result.complete(decisions[0]);
            }
            sendQueued(policy, scripted, key, mine);
        });
        return result;
    }

    /** Sends the requests that queued behind a call on {@code key} as one batch, until none are left. */
    @SuppressWarnings("FutureReturnValueIgnored") // known gap (issue 17): a throwing callback strands the key's queue
    private void sendQueued(RateLimitPolicy policy, Scripted scripted, String key, KeyBatches.Batch batch) {
        List<KeyBatches.Waiting> queued = scripted.batches().drain(key, batch);
        if (queued.isEmpty()) {
            return;
        }
        long[] permits = new long[queued.size()];
        for (int i = 0; i < permits.length; i++) {
            permits[i] = queued.get(i).permits();
        }
        call(policy, scripted.script(), key, permits, permits.length).whenComplete((decisions, error) -> {
            for (int i = 0; i < permits.length; i++) {
                CompletableFuture<Decision> waiting = queued.get(i).decision();
                if (error != null) {
                    waiting.completeExceptionally(error);
                } else {
                    waiting.complete(decisions[i]);
                }
            }
            sendQueued(policy, scripted, key, batch);
        });
    }

    /** One script call for {@code count} requests, bounded by the command timeout. */
    private CompletableFuture<Decision[]> call(
            RateLimitPolicy policy, PolicyScript script, String key, long[] permits, int count) {
        long now = clock == null ? -1 : clock.currentMicros();
        String[] keys = script.keys(key);
        String[] args = script.args(now, permits, count);
        RedisFuture<List<Object>> sent = RedisScript.send(scripting, keys, args);
        return deadlines
                .bound(RedisScript.withEvalFallback(scripting, sent, keys, args), sent)
                .thenApply(reply -> toDecisions(policy, permits, count, reply));
    }

    private Scripted scripted(RateLimitPolicy policy) {
        Scripted scripted = scripts.get(policy); // no capturing lambda on the hot path
        return scripted != null
                ? scripted
                : scripts.computeIfAbsent(policy, p -> new Scripted(new PolicyScript(keyPrefix, p), new KeyBatches()));
    }

    @Override
    public void reset(RateLimitPolicy policy, String key) {
        PolicyScript script = scripted(policy).script();
        RedisFuture<Long> unlink = keyCommands.unlink(script.keys(key));
        Futures.join(deadlines.bound(unlink.toCompletableFuture(), unlink));
    }

    private static Decision[] toDecisions(RateLimitPolicy policy, long[] permits, int count, List<Object> reply) {
        Decision[] decisions = new Decision[count];
        for (int i = 0; i < count; i++) {
            int base = i * 5;
            boolean allowed = number(reply, base) == 1;
            int deciding = (int) number(reply, base + 1);
            long remaining = number(reply, base + 2);
            long reset = number(reply, base + 3);
            decisions[i] = allowed
                    ? Decision.allowed(policy, deciding, permits[i], remaining, reset)
                    : Decision.denied(policy, deciding, permits[i], remaining, reset, number(reply, base + 4));
        }
        return decisions;
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
