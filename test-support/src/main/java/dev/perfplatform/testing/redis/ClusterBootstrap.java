package dev.perfplatform.testing.redis;

import dev.perfplatform.testing.internal.FreePorts;
import dev.perfplatform.testing.internal.Waits;
import dev.perfplatform.testing.resp.RespClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Starts the nodes of a Redis Cluster, joins them with {@code redis-cli --cluster create} and waits until it is ok. */
final class ClusterBootstrap {

    /** Short, so that fault tests see a dead master marked failed within a few seconds. */
    static final int NODE_TIMEOUT_MILLIS = 2000;

    private static final Duration CREATE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);

    private ClusterBootstrap() {}

    static void create(RedisServerProcess group, int masters) {
        List<RedisNode> nodes = new ArrayList<>();
        for (int i = 0; i < masters; i++) {
            nodes.add(group.startNode(
                    RedisNode.Role.CLUSTER_MASTER,
                    FreePorts.nextWithClusterBus(),
                    "--cluster-enabled",
                    "yes",
                    "--cluster-config-file",
                    "nodes.conf",
                    "--cluster-node-timeout",
                    Integer.toString(NODE_TIMEOUT_MILLIS)));
        }
        List<String> args = new ArrayList<>(List.of("--cluster", "create"));
        nodes.forEach(node -> args.add(node.host() + ":" + node.port()));
        args.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
        group.launcher().cli(args, CREATE_TIMEOUT);
        awaitOk(nodes, READY_TIMEOUT);
    }

    /**
     * Waits until every running node reports {@code cluster_state:ok} and lists every running node as a connected
     * master without a {@code fail} or {@code fail?} flag.
     */
    static void awaitOk(List<RedisNode> nodes, Duration timeout) {
        Waits.await(timeout, "cluster_state:ok on every running node of " + nodes, () -> {
            List<RedisNode> running =
                    nodes.stream().filter(RedisNode::isRunning).toList();
            if (running.isEmpty()) {
                throw new IllegalStateException("no cluster node is running");
            }
            for (RedisNode node : running) {
                try (RespClient client = node.client()) {
                    String info = Objects.requireNonNull(client.string("CLUSTER", "INFO"));
                    if (!info.contains("cluster_state:ok")) {
                        throw new Waits.NotYet(node + " reports " + line(info, "cluster_state:"));
                    }
                    String table = Objects.requireNonNull(client.string("CLUSTER", "NODES"));
                    for (RedisNode other : running) {
                        String entry = line(table, " " + other.host() + ":" + other.port() + "@");
                        if (!isHealthyMaster(entry)) {
                            throw new Waits.NotYet(node + " sees " + other + " as '" + entry + "'");
                        }
                    }
                }
            }
            return Boolean.TRUE;
        });
    }

    /** A CLUSTER NODES line: {@code id ip:port@bus flags master-id ping pong epoch link-state slots...}. */
    private static boolean isHealthyMaster(String entry) {
        String[] fields = entry.trim().split(" ", -1);
        if (fields.length < 8) {
            return false;
        }
        List<String> flags = List.of(fields[2].split(",", -1));
        return flags.contains("master")
                && !flags.contains("fail")
                && !flags.contains("fail?")
                && fields[7].equals("connected");
    }

    private static String line(String text, String containing) {
        return text.lines().filter(l -> l.contains(containing)).findFirst().orElse("(none)");
    }
}
