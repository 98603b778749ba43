package dev.perfplatform.ratelimit.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisKeyAsyncCommands;
import io.lettuce.core.api.async.RedisScriptingAsyncCommands;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.codec.StringCodec;

/** The client the engine's connection comes from: a standalone or Sentinel client, or a Redis Cluster client. */
sealed interface ClientSource {

    /** Opens the engine's connection; blocks until connected, throws when Redis cannot be reached. */
    Connected connect();

    /** Shuts the client down when the engine created it; a caller's client stays open. */
    void shutdownIfOwned();

    /** An open connection and the two command views the engine uses. */
    record Connected(
            StatefulConnection<String, String> connection,
            RedisScriptingAsyncCommands<String, String> scripting,
            RedisKeyAsyncCommands<String, String> keys) {}

    /** A standalone (or Sentinel) client; {@code owned} when the engine created it. */
    record Standalone(RedisClient client, boolean owned) implements ClientSource {
        @Override
        public Connected connect() {
            StatefulRedisConnection<String, String> connection = client.connect(StringCodec.UTF8);
            return new Connected(connection, connection.async(), connection.async());
        }

        @Override
        public void shutdownIfOwned() {
            if (owned) {
                client.shutdown();
            }
        }
    }

    /** A Redis Cluster client; {@code owned} when the engine created it. */
    record Cluster(RedisClusterClient client, boolean owned) implements ClientSource {
        @Override
        public Connected connect() {
            StatefulRedisClusterConnection<String, String> connection = client.connect(StringCodec.UTF8);
            return new Connected(connection, connection.async(), connection.async());
        }

        @Override
        public void shutdownIfOwned() {
            if (owned) {
                client.shutdown();
            }
        }
    }
}
