package dev.perfplatform.fluxpay.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.perfplatform.fluxpay.idempotency.IdempotencyRecords.Scope;
import dev.perfplatform.fluxpay.idempotency.InFlightKeys.Marker;
import dev.perfplatform.testing.redis.RedisNode;
import dev.perfplatform.testing.redis.RedisServerProcess;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Redis fast path connects in the background: a Redis that does not answer (a paused process, which accepts
 * connections and says nothing) or is not there (a closed port) holds up neither the start nor the scheduler thread
 * that reconnects, and the fast path comes up once Redis answers.
 */
class InFlightKeysConnectIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(InFlightKeysConnectIntegrationTests.class);

    /** What creating the component (a Lettuce client: threads, buffers) may take: below the 1 s a blocking start waited. */
    private static final Duration START = Duration.ofMillis(800);
    /** What one reconnect round may take: nothing like the 1 s a blocking reconnect waited. */
    private static final Duration ROUND = Duration.ofMillis(200);

    private static final RedisServerProcess redis = RedisServerProcess.standalone();

    private final Scope scope = new Scope(UUID.randomUUID(), "connect-test");
    private InFlightKeys keys;

    @BeforeAll
    static void loadTheRedisClient() {
        // class loading and Netty's first connection, which a running app has long paid for, are not timed below
        RedisClient client = RedisClient.create(redis.uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().ping();
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    @AfterEach
    void closeKeysAndReviveRedis() {
        if (keys != null) {
            keys.destroy();
        }
        RedisNode node = redis.node(0);
        if (!node.isRunning()) {
            node.restart();
        }
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @Test
    void aRedisThatDoesNotAnswerHoldsUpNeitherTheStartNorTheReconnectAndIsUsedOnceItAnswers() throws Exception {
        redis.node(0).pause();
        try {
            long start = System.nanoTime();
            keys = new InFlightKeys(settings(), new SimpleMeterRegistry());
            Duration started = since(start);
            start = System.nanoTime();
            keys.connectIfNeeded();
            Duration reconnected = since(start);
            log.info(
                    "with Redis not answering: start-up {} ms, reconnect round {} ms",
                    started.toMillis(),
                    reconnected.toMillis());

            assertThat(started).as("start-up").isLessThan(START);
            assertThat(reconnected).as("a reconnect round").isLessThan(ROUND);
            assertThat(keys.enter(scope).block()).isEqualTo(Marker.NONE);
        } finally {
            redis.node(0).resume();
        }

        assertComesUp();
    }

    @Test
    void aClosedPortAtTheStartIsRetriedUntilRedisAnswers() {
        redis.node(0).kill();
        long start = System.nanoTime();
        keys = new InFlightKeys(settings(), new SimpleMeterRegistry());
        assertThat(since(start)).as("start-up").isLessThan(START);
        assertThat(keys.enter(scope).block()).isEqualTo(Marker.NONE);

        redis.node(0).restart();

        assertComesUp();
    }

    /** The reconnect job's rounds, until a key can be marked in Redis. */
    private void assertComesUp() {
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    keys.connectIfNeeded();
                    assertThat(keys.enter(scope).block()).isEqualTo(Marker.OURS);
                });
        keys.leave(scope, Marker.OURS).block();
    }

    /** A Redis timeout longer than the old blocking connect's 1 s, as an operator may well configure. */
    private static IdempotencySettings settings() {
        return new IdempotencySettings(
                Duration.ofSeconds(30), Duration.ofHours(24), redis.uri(), Duration.ofSeconds(2));
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
