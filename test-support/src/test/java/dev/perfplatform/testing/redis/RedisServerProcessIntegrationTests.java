package dev.perfplatform.testing.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfplatform.testing.internal.TempDirs;
import dev.perfplatform.testing.internal.Waits;
import dev.perfplatform.testing.resp.RespClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedisServerProcessIntegrationTests {

    private static final Duration GONE_TIMEOUT = Duration.ofSeconds(5);

    @Test
    void standaloneNodeAnswersPingAndKeepsValues() {
        try (RedisServerProcess redis = RedisServerProcess.standalone();
                RespClient client = redis.node(0).client()) {
            RedisNode node = redis.node(0);
            assertThat(redis.nodes()).containsExactly(node);
            assertThat(node.role()).isEqualTo(RedisNode.Role.STANDALONE);
            assertThat(node.port()).isNotEqualTo(6379);
            assertThat(redis.uri()).isEqualTo(node.uri()).isEqualTo("redis://127.0.0.1:" + node.port());
            assertThat(ProcessHandle.of(node.pid())).isPresent();

            assertThat(client.string("PING")).isEqualTo("PONG");
            assertThat(client.string("SET", "greeting", "hello")).isEqualTo("OK");
            assertThat(client.string("GET", "greeting")).isEqualTo("hello");
            assertThat(client.command("CONFIG", "GET", "save")).isEqualTo(List.of("save", ""));
        }
    }

    @Test
    void killedNodeRefusesConnectionsAndRestartsOnTheSamePort() {
        try (RedisServerProcess redis = RedisServerProcess.standalone()) {
            RedisNode node = redis.node(0);
            long pid = node.pid();

            node.kill();

            assertThat(node.isRunning()).isFalse();
            assertThat(ProcessHandle.of(pid)).isEmpty();
            assertThatThrownBy(node::client).isInstanceOf(UncheckedIOException.class);
            assertThatThrownBy(node::pid).isInstanceOf(IllegalStateException.class);

            node.restart();

            assertThat(node.isRunning()).isTrue();
            assertThat(node.pid()).isNotEqualTo(pid);
            try (RespClient client = node.client()) {
                assertThat(client.string("PING")).isEqualTo("PONG");
                assertThat(client.command("DBSIZE")).isEqualTo(0L);
            }
        }
    }

    @Test
    void pausedNodeLeavesCommandsHangingUntilResumed() {
        try (RedisServerProcess redis = RedisServerProcess.standalone()) {
            RedisNode node = redis.node(0);

            node.pause();

            try (RespClient client = RespClient.connect(node.host(), node.port(), Duration.ofMillis(300))) {
                assertThatThrownBy(() -> client.command("PING"))
                        .isInstanceOf(UncheckedIOException.class)
                        .hasMessageContaining("timed out");
            }
            assertThat(node.isRunning()).isTrue();

            node.resume();

            try (RespClient client = node.client()) {
                assertThat(client.string("PING")).isEqualTo("PONG");
            }
        }
    }

    @Test
    void clusterIsOkOnEveryNodeWithAllSlotsAssigned() {
        try (RedisServerProcess cluster = RedisServerProcess.cluster()) {
            assertThat(cluster.nodes())
                    .hasSize(3)
                    .allSatisfy(node -> assertThat(node.role()).isEqualTo(RedisNode.Role.CLUSTER_MASTER));
            assertThat(cluster.uri()).isEqualTo(cluster.node(0).uri());
            for (RedisNode node : cluster.nodes()) {
                try (RespClient client = node.client()) {
                    String info = client.string("CLUSTER", "INFO");
                    assertThat(info)
                            .contains("cluster_state:ok", "cluster_slots_assigned:16384", "cluster_known_nodes:3");
                }
            }
        }
    }

    @Test
    void killingAClusterMasterFailsTheClusterUntilTheMasterIsRestarted() {
        try (RedisServerProcess cluster = RedisServerProcess.cluster()) {
            RedisNode victim = cluster.node(1);
            RedisNode survivor = cluster.node(0);

            victim.kill();

            Waits.await(
                    Duration.ofMillis(ClusterBootstrap.NODE_TIMEOUT_MILLIS).plusSeconds(8),
                    "cluster_state:fail",
                    () -> {
                        try (RespClient client = survivor.client()) {
                            if (!Objects.requireNonNull(client.string("CLUSTER", "INFO"))
                                    .contains("cluster_state:fail")) {
                                throw new Waits.NotYet("still ok");
                            }
                            return Boolean.TRUE;
                        }
                    });

            victim.restart();
            cluster.awaitClusterOk(Duration.ofSeconds(20));

            for (RedisNode node : cluster.nodes()) {
                try (RespClient client = node.client()) {
                    assertThat(client.string("CLUSTER", "INFO")).contains("cluster_state:ok");
                }
            }
        }
    }

    @Test
    void aReplicatedClusterPromotesAReplicaWhenAMasterIsKilledAndTakesTheOldMasterBackAsAReplica() {
        try (RedisServerProcess cluster = RedisServerProcess.cluster(3, 1)) {
            assertThat(cluster.nodes())
                    .extracting(RedisNode::role)
                    .containsExactly(
                            RedisNode.Role.CLUSTER_MASTER,
                            RedisNode.Role.CLUSTER_MASTER,
                            RedisNode.Role.CLUSTER_MASTER,
                            RedisNode.Role.CLUSTER_REPLICA,
                            RedisNode.Role.CLUSTER_REPLICA,
                            RedisNode.Role.CLUSTER_REPLICA);
            try (RespClient client = cluster.node(0).client()) {
                assertThat(client.string("CLUSTER", "INFO"))
                        .contains("cluster_state:ok", "cluster_slots_assigned:16384", "cluster_known_nodes:6");
            }
            for (RedisNode node : cluster.nodes()) {
                try (RespClient client = node.client()) {
                    assertThat(client.array("ROLE").get(0))
                            .as("the role %s was started in", node)
                            .isEqualTo(node.role() == RedisNode.Role.CLUSTER_MASTER ? "master" : "slave");
                }
            }
            RedisNode victim = cluster.node(1);

            victim.kill();
            Waits.await(Duration.ofSeconds(20), "a replica to take over " + victim, () -> {
                try (RespClient client = cluster.node(0).client()) {
                    String table = Objects.requireNonNull(client.string("CLUSTER", "NODES"));
                    long masters = table.lines()
                            .filter(line -> !line.contains(":" + victim.port() + "@"))
                            .filter(line -> line.contains("master") && !line.contains("fail"))
                            .count();
                    if (masters != 3) {
                        throw new Waits.NotYet(masters + " masters besides the killed one");
                    }
                    return Boolean.TRUE;
                }
            });
            cluster.awaitClusterOk(Duration.ofSeconds(20));

            victim.restart();
            cluster.awaitClusterOk(Duration.ofSeconds(20));

            try (RespClient client = victim.client()) {
                assertThat(client.string("INFO", "replication")).contains("role:slave");
            }
        }
    }

    @Test
    void sentinelPromotesTheReplicaWhenTheMasterIsKilled() {
        try (RedisServerProcess group = RedisServerProcess.sentinel()) {
            RedisNode master = group.master();
            RedisNode replica = group.replica();
            RedisNode sentinel = group.sentinelNode();
            assertThat(group.nodes()).containsExactly(master, replica, sentinel);
            assertThat(List.of(master.role(), replica.role(), sentinel.role()))
                    .containsExactly(RedisNode.Role.MASTER, RedisNode.Role.REPLICA, RedisNode.Role.SENTINEL);
            assertThat(group.masterName()).isEqualTo("mymaster");
            assertThat(group.uri()).isEqualTo("redis-sentinel://127.0.0.1:" + sentinel.port() + "#mymaster");

            try (RespClient client = master.client()) {
                client.command("SET", "replicated", "yes");
            }
            String replicated = Waits.await(Duration.ofSeconds(5), "the key on the replica", () -> {
                try (RespClient client = replica.client()) {
                    String value = client.string("GET", "replicated");
                    if (value == null) {
                        throw new Waits.NotYet("not replicated yet");
                    }
                    return value;
                }
            });
            assertThat(replicated).isEqualTo("yes");

            master.kill();

            Object promoted = Waits.await(Duration.ofSeconds(20), "Sentinel to promote the replica", () -> {
                try (RespClient client = sentinel.client()) {
                    Object address = client.command("SENTINEL", "get-master-addr-by-name", "mymaster");
                    if (!List.of("127.0.0.1", Integer.toString(replica.port())).equals(address)) {
                        throw new Waits.NotYet("master is " + address);
                    }
                    return address;
                }
            });
            assertThat(promoted).isEqualTo(List.of("127.0.0.1", Integer.toString(replica.port())));
            try (RespClient client = replica.client()) {
                assertThat(client.string("INFO", "replication")).contains("role:master");
            }
        }
    }

    @Test
    void serverDiesWhenItsWrapperLosesTheParentJvm() {
        try (RedisServerProcess redis = RedisServerProcess.standalone()) {
            RedisNode node = redis.node(0);
            long pid = node.pid();

            node.simulateParentDeath();

            awaitGone(pid);
            assertThat(node.isRunning()).isFalse();
        }
    }

    @Test
    void serverDiesWhenTheJvmThatStartedItIsKilled(@TempDir Path tmp) throws Exception {
        Path report = tmp.resolve("child.txt");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(
                        java, "-cp", System.getProperty("java.class.path"), ChildJvm.class.getName(), report.toString())
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child.out").toFile())
                .start();
        try {
            List<String> lines = Waits.await(Duration.ofSeconds(30), "the child JVM to start redis", () -> {
                if (!child.isAlive()) {
                    throw new IllegalStateException("child JVM exited: " + read(tmp.resolve("child.out")));
                }
                List<String> content = read(report).lines().toList();
                if (content.size() < 2) {
                    throw new Waits.NotYet("no report yet");
                }
                return content;
            });
            long pid = Long.parseLong(lines.get(0));
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);

            child.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();

            awaitGone(pid);
            TempDirs.deleteRecursively(Path.of(lines.get(1)));
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void closeKillsEveryNodeAndDeletesTheirDirectories() {
        RedisServerProcess group = RedisServerProcess.sentinel();
        List<RedisNode> nodes = group.nodes();
        List<Long> pids = nodes.stream().map(RedisNode::pid).toList();
        assertThat(nodes).allSatisfy(node -> assertThat(node.dir()).isDirectory());
        nodes.get(1).pause(); // a paused node must die too

        group.close();

        pids.forEach(RedisServerProcessIntegrationTests::awaitGone);
        assertThat(nodes).allSatisfy(node -> {
            assertThat(node.isRunning()).isFalse();
            assertThat(node.dir()).doesNotExist();
            assertThat(node.dir().getParent()).doesNotExist();
        });
        group.close(); // idempotent
    }

    @Test
    void topologySpecificMethodsExplainTheirMisuse() {
        assertThatThrownBy(() -> RedisServerProcess.cluster(2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 3 masters");
        try (RedisServerProcess redis = RedisServerProcess.standalone()) {
            assertThatThrownBy(redis::master)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("RedisServerProcess.sentinel()");
            assertThatThrownBy(redis::masterName).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> redis.awaitClusterOk(Duration.ofSeconds(1)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("RedisServerProcess.cluster()");
        }
    }

    private static void awaitGone(long pid) {
        Waits.await(GONE_TIMEOUT, "redis-server pid " + pid + " to disappear", () -> {
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                throw new Waits.NotYet("pid " + pid + " is alive");
            }
            return Boolean.TRUE;
        });
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Started in a separate JVM: starts a node, reports its pid and directory, then waits to be killed. */
    static final class ChildJvm {
        public static void main(String[] args) throws Exception {
            RedisServerProcess redis = RedisServerProcess.standalone();
            RedisNode node = redis.node(0);
            Path tmp = Path.of(args[0] + ".tmp");
            Files.writeString(tmp, node.pid() + "\n" + node.dir().getParent() + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, Path.of(args[0]));
            // Wait (bounded) to be killed: the test SIGKILLs this JVM long before the minute is up.
            new java.util.concurrent.CountDownLatch(1).await(60, java.util.concurrent.TimeUnit.SECONDS);
            redis.close();
        }
    }
}
