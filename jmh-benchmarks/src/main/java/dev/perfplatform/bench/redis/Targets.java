package dev.perfplatform.bench.redis;

import dev.perfplatform.bench.KeySpace;
import dev.perfplatform.ratelimit.Algorithm;
import dev.perfplatform.ratelimit.Limit;
import dev.perfplatform.ratelimit.RateLimitPolicy;
import dev.perfplatform.ratelimit.RateLimiter;
import dev.perfplatform.ratelimit.redis.RedisEngine;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.RemoteAsyncBucketBuilder;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The contenders of the Redis benchmarks, each a {@link Window.Target} plus what closes it. */
final class Targets {

    /** Long enough that no decision is ever answered by the failure policy during a run. */
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static final String SCRIPT = "dev/perfplatform/ratelimit/redis/ratelimit.lua";

    private Targets() {}

    /** A target and the resource behind it. */
    record Built(Window.Target target, AutoCloseable resource) {}

    /** Our engine (coalescing and negative cache on, as shipped) deciding {@code policy}. */
    static Built ours(RedisClient client, RateLimitPolicy policy) {
        RedisEngine engine = RedisEngine.builder(client).commandTimeout(TIMEOUT).build();
        RateLimiter limiter = engine.limiter(policy);
        return new Built(key -> limiter.acquireAsync(key, 1), engine);
    }

    /** bucket4j's Lettuce compare-and-swap proxy manager, plain or with its batching optimisation. */
    static Built bucket4j(RedisClient client, BucketConfiguration configuration, KeySpace space, boolean batching) {
        StatefulRedisConnection<String, byte[]> connection =
                client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        AsyncProxyManager<String> proxies = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .requestTimeout(TIMEOUT)
                .build()
                .asAsync();
        RemoteAsyncBucketBuilder<String> builder = proxies.builder();
        if (batching) {
            builder = builder.withOptimization(Optimizations.batching());
        }
        // One proxy per key, made up front: batching merges only the requests that go through the same proxy.
        Map<String, AsyncBucketProxy> buckets = new HashMap<>();
        for (String key : space.keys()) {
            buckets.put(key, builder.build("b4j:" + key, configuration));
        }
        return new Built(key -> Objects.requireNonNull(buckets.get(key)).tryConsumeAndReturnRemaining(1), connection);
    }

    /**
     * The floor: our script called raw through Lettuce {@code EVALSHA}, keys and arguments made up front, no
     * coalescing, no negative cache, no decision objects. It speaks the script's wire format as its header documents
     * it, as any other client would, so it takes a token bucket only (algorithm number 1).
     */
    private static final String TOKEN_BUCKET_WIRE_NUMBER = "1";

    static Built evalsha(RedisClient client, Limit limit, KeySpace space) {
        if (limit.algorithm() != Algorithm.TOKEN_BUCKET) {
            throw new IllegalArgumentException("the raw EVALSHA floor speaks the token bucket only: " + limit);
        }
        StatefulRedisConnection<String, String> connection = client.connect();
        RedisAsyncCommands<String, String> commands = connection.async();
        String sha = connection.sync().scriptLoad(script());
        String[] args = {
            "",
            "1",
            "1",
            "1",
            TOKEN_BUCKET_WIRE_NUMBER,
            String.valueOf(limit.capacity()),
            String.valueOf(limit.refillTokens()),
            String.valueOf(limit.periodTicks()),
            String.valueOf(limit.resolutionMicros())
        };
        Map<String, String[]> keys = new HashMap<>();
        for (String key : space.keys()) {
            String state = "fl:{floor:" + key + "}";
            keys.put(key, new String[] {state, state + ":log0"});
        }
        return new Built(
                key -> commands.<List<Object>>evalsha(sha, ScriptOutputType.MULTI, keys.get(key), args), connection);
    }

    private static String script() {
        try (InputStream in = Objects.requireNonNull(
                Targets.class.getClassLoader().getResourceAsStream(SCRIPT), SCRIPT + " is missing")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
