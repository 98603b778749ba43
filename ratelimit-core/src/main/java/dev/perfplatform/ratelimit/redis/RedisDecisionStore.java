package dev.perfplatform.ratelimit.redis;

import dev.perfplatform.ratelimit.Decision;
import dev.perfplatform.ratelimit.RateLimitPolicy;
import dev.perfplatform.ratelimit.StoreErrorCause;
import dev.perfplatform.ratelimit.TimeSource;
import dev.perfplatform.ratelimit.internal.CallDeadlines;
import dev.perfplatform.ratelimit.internal.DecisionStore;
import dev.perfplatform.ratelimit.internal.Futures;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisLoadingException;
import io.lettuce.core.RedisReadOnlyException;
import io.lettuce.core.api.async.RedisKeyAsyncCommands;
import io.lettuce.core.api.async.RedisScriptingAsyncCommands;
import io.lettuce.core.protocol.RedisProtocolException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
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
    public CompletionStage<Decision> decideAsync(RateLimitPolicy policy, String key, long permits) {
        Scripted scripted = scripted(policy);
        long[] single = {permits};
        if (!coalesce) {
            return callOrFailure(policy, scripted.script(), key, single, 1).thenApply(decisions -> decisions[0]);
        }
        KeyBatches.Batch mine = new KeyBatches.Batch();
        CompletableFuture<Decision> queued = scripted.batches().join(key, permits, mine);
        if (queued != null) {
            // Bounded from now: waiting for the call ahead must not add that call's timeout to this one's.
            return deadlines.bound(queued, queued);
        }
        CompletableFuture<Decision[]> sent = callOrFailure(policy, scripted.script(), key, single, 1);
        afterCall(sent, List.of(), policy, scripted, key, mine);
        return sent.thenApply(decisions -> decisions[0]);
    }

    /**
     * When {@code sent} completes, answers {@code answered} and sends the requests that queued on {@code key}
     * meanwhile. Should anything in between throw, every request still waiting on the key fails with it, and the key
     * is released, instead of staying queued forever.
     */
    private void afterCall(
            CompletableFuture<Decision[]> sent,
            List<KeyBatches.Waiting> answered,
            RateLimitPolicy policy,
            Scripted scripted,
            String key,
            KeyBatches.Batch batch) {
        Future<?> unused = sent.whenComplete((decisions, error) -> {
            try {
                answer(answered, decisions, error);
                sendQueued(policy, scripted, key, batch);
            } catch (RuntimeException | Error failure) {
                answer(answered, null, failure);
                answer(scripted.batches().abandon(key, batch), null, failure);
            }
        });
    }

    /** Sends the requests that queued behind a call on {@code key} as one batch; those already timed out are skipped. */
    private void sendQueued(RateLimitPolicy policy, Scripted scripted, String key, KeyBatches.Batch batch) {
        List<KeyBatches.Waiting> waiting;
        do {
            List<KeyBatches.Waiting> drained = scripted.batches().drain(key, batch);
            if (drained.isEmpty()) {
                return;
            }
            waiting = drained.stream().filter(each -> !each.decision().isDone()).toList();
        } while (waiting.isEmpty());
        long[] permits = new long[waiting.size()];
        for (int i = 0; i < permits.length; i++) {
            permits[i] = waiting.get(i).permits();
        }
        CompletableFuture<Decision[]> sent = callOrFailure(policy, scripted.script(), key, permits, permits.length);
        afterCall(sent, waiting, policy, scripted, key, batch);
    }

    private static void answer(
            List<KeyBatches.Waiting> waiting, Decision @Nullable [] decisions, @Nullable Throwable error) {
        for (int i = 0; i < waiting.size(); i++) {
            CompletableFuture<Decision> decision = waiting.get(i).decision();
            if (error != null || decisions == null) {
                decision.completeExceptionally(error != null ? error : new IllegalStateException("no reply"));
            } else {
                decision.complete(decisions[i]);
            }
        }
    }

    /** {@link #call}, with a failure to even send it (the clock, the client) as a failed call. */
    private CompletableFuture<Decision[]> callOrFailure(
            RateLimitPolicy policy, PolicyScript script, String key, long[] permits, int count) {
        try {
            return call(policy, script, key, permits, count);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** One script call for {@code count} requests, bounded by the command timeout. */
    private CompletableFuture<Decision[]> call(
            RateLimitPolicy policy, PolicyScript script, String key, long[] permits, int count) {
        long now = clock == null ? -1 : clock.currentMicros();
        String[] keys = script.keys(key);
        String[] args = script.args(now, permits, count);
        RedisScript lua = script.script();
        RedisFuture<List<Object>> sent = lua.send(scripting, keys, args);
        return deadlines
                .bound(lua.withEvalFallback(scripting, sent, keys, args), sent)
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

    /**
     * Classifies a failure by its type: Lettuce's timeout, the server's error replies (script errors; {@code LOADING},
     * {@code READONLY} and a cluster's {@code CLUSTERDOWN} mean the node cannot serve now, so count as connection), and
     * Lettuce's own client-side errors (disconnected, closed, rejected while down), which are connection failures.
     */
    static StoreErrorCause causeOf(Throwable error) {
        if (error instanceof TimeoutException || error instanceof RedisCommandTimeoutException) {
            return StoreErrorCause.TIMEOUT;
        }
        if (error instanceof RedisLoadingException || error instanceof RedisReadOnlyException || isClusterDown(error)) {
            return StoreErrorCause.CONNECTION;
        }
        if (error instanceof RedisCommandExecutionException) {
            return StoreErrorCause.SCRIPT;
        }
        if (error instanceof RedisProtocolException || error instanceof RedisCommandInterruptedException) {
            return StoreErrorCause.OTHER;
        }
        if (error instanceof RedisException || error instanceof IOException) {
            return StoreErrorCause.CONNECTION;
        }
        return StoreErrorCause.OTHER;
    }

    /** A Redis Cluster refusing keys while some slot range has no master ({@code cluster-require-full-coverage}). */
    private static boolean isClusterDown(Throwable error) {
        return error instanceof RedisCommandExecutionException
                && String.valueOf(error.getMessage()).startsWith("CLUSTERDOWN");
    }
}
