package dev.perfplatform.ratelimit.redis;

import dev.perfplatform.ratelimit.Algorithm;
import dev.perfplatform.ratelimit.RateLimitPolicy;
import dev.perfplatform.ratelimit.internal.Futures;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisScriptingAsyncCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The limiter's Lua scripts, which share one wire format (keys, arguments, replies and state): read once from the
 * jar, run by {@code EVALSHA}; a {@code NOSCRIPT} answer (after {@code SCRIPT FLUSH}, a failover to a replica or a new
 * cluster node) is answered by one {@code EVAL}, which also loads the script for the next calls.
 */
enum RedisScript {

    /** Every policy: any number of limits, any algorithm. */
    GENERAL("ratelimit.lua"),

    /** The lean path for the common policy of one counter limit: the same decisions for about half the Redis CPU. */
    SINGLE_LIMIT("single-limit.lua");

    final String source;
    final String sha1;

    RedisScript(String resource) {
        this.source = load(resource);
        this.sha1 = sha1(source);
    }

    /** The script that decides for {@code policy}. */
    static RedisScript of(RateLimitPolicy policy) {
        return policy.limits().size() == 1 && policy.limits().get(0).algorithm() != Algorithm.SLIDING_WINDOW_LOG
                ? SINGLE_LIMIT
                : GENERAL;
    }

    /** Sends the script by its SHA-1; {@link #withEvalFallback} answers a {@code NOSCRIPT} failure. */
    RedisFuture<List<Object>> send(RedisScriptingAsyncCommands<String, String> commands, String[] keys, String[] args) {
        return commands.evalsha(sha1, ScriptOutputType.MULTI, keys, args);
    }

    /** {@code sent}'s reply, or, when Redis did not know the script, the reply of one {@code EVAL}. */
    CompletableFuture<List<Object>> withEvalFallback(
            RedisScriptingAsyncCommands<String, String> commands,
            RedisFuture<List<Object>> sent,
            String[] keys,
            String[] args) {
        return sent.toCompletableFuture().exceptionallyCompose(error -> {
            if (Futures.unwrap(error) instanceof RedisNoScriptException) {
                return commands.<List<Object>>eval(source, ScriptOutputType.MULTI, keys, args);
            }
            return CompletableFuture.failedFuture(error);
        });
    }

    private static String load(String resource) {
        try (InputStream in = Objects.requireNonNull(
                RedisScript.class.getResourceAsStream(resource), resource + " is missing from the jar")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static String sha1(String source) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(digest.digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
    }
}
