package dev.perfplatform.ratelimit.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.ratelimit.CircuitState;
import dev.perfplatform.ratelimit.Limit;
import dev.perfplatform.ratelimit.RateLimitPolicy;
import dev.perfplatform.ratelimit.StoreListener;
import dev.perfplatform.ratelimit.internal.CircuitBreaker;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.models.partitions.Partitions;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Which breaker guards a key, on topologies built by hand (Lettuce's own model of a cluster; no server needed). */
class ClusterCircuitBreakersTests {

    private static final RateLimitPolicy POLICY =
            RateLimitPolicy.of("api", Limit.fixedWindow(10, Duration.ofMinutes(1)));

    private final AtomicReference<@Nullable Partitions> topology = new AtomicReference<>();
    private final CircuitBreaker untilConnected = breaker();
    private final ClusterCircuitBreakers breakers =
            new ClusterCircuitBreakers(untilConnected, ClusterCircuitBreakersTests::breaker, topology::get);

    @Test
    void oneBreakerGuardsEveryKeyUntilTheTopologyIsKnown() {
        untilConnected.openNow();

        assertThat(breakers.of(POLICY, "a")).isSameAs(untilConnected);
        assertThat(breakers.state()).isEqualTo(CircuitState.OPEN);
        assertThat(breakers.states()).isEmpty();
    }

    @Test
    void aMastersOpenCircuitDegradesOnlyTheKeysItServes() {
        topology.set(partitions(master("a", 7000, 0, 8191), master("b", 7001, 8192, 16383)));
        String onA = keyIn(0, 8191);
        String onB = keyIn(8192, 16383);

        breakers.of(POLICY, onA).openNow();

        assertThat(breakers.of(POLICY, onA).state()).isEqualTo(CircuitState.OPEN);
        assertThat(breakers.of(POLICY, onB).state()).isEqualTo(CircuitState.CLOSED);
        assertThat(breakers.of(POLICY, onB).acquire()).isNotEqualTo(CircuitBreaker.REFUSED);
        assertThat(breakers.state()).as("the worst master's").isEqualTo(CircuitState.OPEN);
        assertThat(breakers.states())
                .containsExactly(
                        Map.entry("127.0.0.1:7000", CircuitState.OPEN),
                        Map.entry("127.0.0.1:7001", CircuitState.CLOSED));
    }

    @Test
    void afterAFailoverTheKeysMoveToThePromotedReplicasBreakerAndTheDeadMasterNoLongerCounts() {
        Partitions partitions = partitions(master("a", 7000, 0, 8191), master("b", 7001, 8192, 16383));
        topology.set(partitions);
        String onA = keyIn(0, 8191);
        breakers.of(POLICY, onA).openNow();

        partitions.reload(List.of(master("a2", 7002, 0, 8191), master("b", 7001, 8192, 16383)));

        assertThat(breakers.of(POLICY, onA).state()).isEqualTo(CircuitState.CLOSED);
        assertThat(breakers.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(breakers.states()).containsOnlyKeys("127.0.0.1:7001", "127.0.0.1:7002");
    }

    @Test
    void aReconnectionLetsEveryOpenCircuitProbe() {
        topology.set(partitions(master("a", 7000, 0, 8191), master("b", 7001, 8192, 16383)));
        CircuitBreaker onA = breakers.of(POLICY, keyIn(0, 8191));
        CircuitBreaker onB = breakers.of(POLICY, keyIn(8192, 16383));
        breakers.openNow();
        assertThat(onA.acquire()).isEqualTo(CircuitBreaker.REFUSED);

        breakers.probeNow();

        assertThat(onA.acquire()).isNotEqualTo(CircuitBreaker.REFUSED);
        assertThat(onB.acquire()).isNotEqualTo(CircuitBreaker.REFUSED);
    }

    @Test
    void aKeysBreakerIsTheOneOfTheMasterServingTheSlotOfItsRedisKeys() {
        topology.set(partitions(master("a", 7000, 0, 8191), master("b", 7001, 8192, 16383)));
        CircuitBreaker onA = breakers.of(POLICY, keyIn(0, 8191));
        CircuitBreaker onB = breakers.of(POLICY, keyIn(8192, 16383));
        PolicyScript script = new PolicyScript("rl:", POLICY);

        for (String key : List.of("a", "b", "c}d", "e%f", "{g}", "h{i")) {
            int slot = SlotHash.getSlot(script.keys(key)[0]);
            assertThat(SlotHash.getSlot(PolicyScript.hashTag(POLICY, key)))
                    .as(key)
                    .isEqualTo(slot);
            assertThat(breakers.of(POLICY, key)).as(key).isSameAs(slot < 8192 ? onA : onB);
        }
    }

    private static String keyIn(int firstSlot, int lastSlot) {
        return IntStream.range(0, 1_000)
                .mapToObj(i -> "key-" + i)
                .filter(key -> {
                    int slot = SlotHash.getSlot(PolicyScript.hashTag(POLICY, key));
                    return slot >= firstSlot && slot <= lastSlot;
                })
                .findFirst()
                .orElseThrow();
    }

    private static CircuitBreaker breaker() {
        return new CircuitBreaker(3, Duration.ofSeconds(1), System::nanoTime, StoreListener.NONE);
    }

    private static Partitions partitions(RedisClusterNode... masters) {
        Partitions partitions = new Partitions();
        partitions.reload(List.of(masters));
        return partitions;
    }

    private static RedisClusterNode master(String id, int port, int firstSlot, int lastSlot) {
        List<Integer> slots = IntStream.rangeClosed(firstSlot, lastSlot).boxed().toList();
        return new RedisClusterNode(
                RedisURI.create("127.0.0.1", port),
                id,
                true,
                null,
                0,
                0,
                0,
                slots,
                Set.of(RedisClusterNode.NodeFlag.UPSTREAM));
    }
}
