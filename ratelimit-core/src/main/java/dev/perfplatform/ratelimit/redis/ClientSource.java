package dev.perfplatform.ratelimit.redis;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisKeyAsyncCommands;
import io.lettuce.core.api.async.RedisScriptingAsyncCommands;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.models.partitions.Partitions;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.event.Event;
import io.lettuce.core.resource.ClientResources;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/**
 * The client the engine's connection comes from: a standalone or Sentinel client, or a Redis Cluster client; either
 * the caller's, or one the engine created with its own {@link ClientResources} and shuts down on close.
 */
sealed interface ClientSource {

    /** The client, standalone or Cluster. */
    AbstractRedisClient client();

    /** The resources the engine created for its own client; {@code null} for a caller's client. */
    @Nullable
    ClientResources ownedResources();

    /** Opens the engine's connection; blocks until connected, throws when Redis cannot be reached. */
    Connected connect();

    /** The client's connection events (connected, reconnected, lost). */
    default Flux<Event> events() {
        return client().getResources().eventBus().get();
    }

    /** Shuts the client and its resources down when the engine created them; a caller's client stays open. */
    default void shutdownIfOwned() {
        ClientResources owned = ownedResources();
        if (owned != null) {
            client().shutdown();
            // Bounded: should its threads linger, they are daemons and do not keep the JVM alive.
            owned.shutdown(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3_000);
        }
    }

    /** An open connection and the two command views the engine uses. */
    record Connected(
            StatefulConnection<String, String> connection,
            RedisScriptingAsyncCommands<String, String> scripting,
            RedisKeyAsyncCommands<String, String> keys) {

        /** A Redis Cluster connection's current topology (the client refreshes it in place); null for others. */
        @Nullable
        Partitions topology() {
            return connection instanceof StatefulRedisClusterConnection<String, String> cluster
                    ? cluster.getPartitions()
                    : null;
        }
    }

    /** A standalone (or Sentinel) client; {@code ownedResources} are set when the engine created it. */
    record Standalone(RedisClient client, @Nullable ClientResources ownedResources) implements ClientSource {
        @Override
        public Connected connect() {
            StatefulRedisConnection<String, String> connection = client.connect(StringCodec.UTF8);
            return new Connected(connection, connection.async(), connection.async());
        }
    }

    /** A Redis Cluster client; {@code ownedResources} are set when the engine created it. */
    record Cluster(RedisClusterClient client, @Nullable ClientResources ownedResources) implements ClientSource {
        @Override
        public Connected connect() {
            StatefulRedisClusterConnection<String, String> connection = client.connect(StringCodec.UTF8);
            return new Connected(connection, connection.async(), connection.async());
        }
    }
}
