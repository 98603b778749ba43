package dev.perfplatform.ratelimit;

import dev.perfplatform.ratelimit.redis.RedisEngine;
import dev.perfplatform.testing.redis.RedisNode;
import dev.perfplatform.testing.redis.RedisServerProcess;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract on a real three-master Redis Cluster started for this class. */
class RedisClusterContractIntegrationTests extends RateLimiterContract {

    private static RedisServerProcess cluster;
    private static RedisClusterClient client;

    @BeforeAll
    static void startCluster() {
        cluster = RedisServerProcess.cluster();
        List<RedisURI> nodes = cluster.nodes().stream()
                .map(RedisNode::uri)
                .map(RedisURI::create)
                .toList();
        client = RedisClusterClient.create(nodes);
    }

    @AfterAll
    static void stopCluster() {
        client.shutdown();
        cluster.close();
    }

    @Override
    RateLimiterEngine newEngine(TimeSource clock) {
        return RedisEngine.builder(client)
                .timeSource(clock)
                .commandTimeout(Duration.ofSeconds(5))
                .build();
    }

    @Override
    boolean reportsCachedDenials() {
        return true;
    }
}
