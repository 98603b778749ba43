package dev.perfplatform.ratelimit.redis;

import dev.perfplatform.ratelimit.CircuitState;
import dev.perfplatform.ratelimit.RateLimitPolicy;
import dev.perfplatform.ratelimit.internal.CircuitBreaker;
import dev.perfplatform.ratelimit.internal.CircuitBreakers;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.models.partitions.Partitions;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One circuit breaker per Redis Cluster master, so a failed master degrades only the keys it serves. A key goes to the
 * breaker of the master that serves its slot in the client's current topology: when the cluster fails a master over
 * and the client refreshes its topology, the key's calls move to the promoted replica's breaker, closed, and the dead
 * master's breaker no longer counts. Until the topology is known (not connected yet), one breaker guards every key.
 */
final class ClusterCircuitBreakers implements CircuitBreakers {

    private final CircuitBreaker untilConnected;
    private final Supplier<CircuitBreaker> newBreaker;
    private final Supplier<@Nullable Partitions> topology;
    private final Map<String, CircuitBreaker> byNodeId = new ConcurrentHashMap<>();

    /**
     * @param untilConnected guards every key while {@code topology} gives nothing, and a slot no master serves
     * @param newBreaker a closed breaker for a master seen for the first time
     * @param topology the client's current topology, or null before the first connection
     */
    ClusterCircuitBreakers(
            CircuitBreaker untilConnected,
            Supplier<CircuitBreaker> newBreaker,
            Supplier<@Nullable Partitions> topology) {
        this.untilConnected = untilConnected;
        this.newBreaker = newBreaker;
        this.topology = topology;
    }

    @Override
    public CircuitBreaker of(RateLimitPolicy policy, String key) {
        Partitions partitions = topology.get();
        if (partitions == null) {
            return untilConnected;
        }
        RedisClusterNode master = partitions.getMasterBySlot(SlotHash.getSlot(PolicyScript.hashTag(policy, key)));
        if (master == null) {
            return untilConnected;
        }
        String nodeId = master.getNodeId();
        CircuitBreaker breaker = byNodeId.get(nodeId); // no capturing lambda on the hot path
        return breaker != null ? breaker : byNodeId.computeIfAbsent(nodeId, id -> newBreaker.get());
    }

    @Override
    public void openNow() {
        untilConnected.openNow();
        byNodeId.values().forEach(CircuitBreaker::openNow);
    }

    @Override
    public void probeNow() {
        untilConnected.probeNow();
        byNodeId.values().forEach(CircuitBreaker::probeNow);
    }

    /** Before the first connection, the state of the breaker that guards every key; then the worst master's. */
    @Override
    public CircuitState state() {
        return topology.get() == null ? untilConnected.state() : CircuitBreakers.worst(states().values());
    }

    /** Per master that serves slots now, as {@code host:port}, its breaker's state. */
    @Override
    public Map<String, CircuitState> states() {
        Partitions partitions = topology.get();
        Map<String, CircuitState> states = new TreeMap<>();
        if (partitions == null) {
            return states;
        }
        for (RedisClusterNode node : partitions) {
            if (node.is(RedisClusterNode.NodeFlag.UPSTREAM) && !node.hasNoSlots()) {
                CircuitBreaker breaker = byNodeId.get(node.getNodeId());
                states.put(name(node), breaker == null ? CircuitState.CLOSED : breaker.state());
            }
        }
        return states;
    }

    private static String name(RedisClusterNode node) {
        RedisURI uri = node.getUri();
        return uri == null ? node.getNodeId() : uri.getHost() + ":" + uri.getPort();
    }
}
