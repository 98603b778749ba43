package dev.perfplatform.testing.redis;

import dev.perfplatform.testing.internal.FreePorts;
import dev.perfplatform.testing.internal.Waits;
import dev.perfplatform.testing.resp.RespClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Starts the nodes of a Redis Cluster (masters, then their replicas), joins them with {@code redis-cli --cluster
 * create} and waits until it is ok.
 */
final class ClusterBootstrap {

    /** Short, so that fault tests see a dead master marked failed within a few seconds. */
    static final int NODE_TIMEOUT_MILLIS = 2000;

    private static final Duration CREATE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);

    private ClusterBootstrap() {}

    static void create(RedisServerProcess group, int masters, int replicasPerMaster) {
        List<RedisNode> nodes = new ArrayList<>();
        for (int i = 0; i < masters * (1 + replicasPerMaster); i++) {
            // redis-cli makes the first nodes listed the masters when every node is on one host
            RedisNode.Role role = i < masters ? RedisNode.Role.CLUSTER_MASTER : RedisNode.Role.CLUSTER_REPLICA;
            nodes.add(group.startNode(
                    role,
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
        args.addAll(List.of("--cluster-replicas", Integer.toString(replicasPerMaster), "--cluster-yes"));
        group.launcher().cli(args, CREATE_TIMEOUT);
        awaitOk(nodes, READY_TIMEOUT);
    }

    /**
     * Waits until every running node reports {@code cluster_state:ok} and lists every running node as connected,
     * without a {@code fail} or {@code fail?} flag; in a cluster without replicas every node must be a master, and
     * every replica's link to its master must be up (so that it can take over).
     */
    static void awaitOk(List<RedisNode> nodes, Duration timeout) {
        boolean replicated = nodes.stream().anyMatch(node -> node.role() == RedisNode.Role.CLUSTER_REPLICA);
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
                        if (!isHealthy(entry, replicated)) {
                            throw new Waits.NotYet(node + " sees " + other + " as '" + entry + "'");
                        }
                    }
                    if (flags(line(table, "myself")).contains("slave")) {
                        String replication = Objects.requireNonNull(client.string("INFO", "replication"));
                        if (!replication.contains("master_link_status:up")) {
                            throw new Waits.NotYet(node + " is a replica whose master link is not up");
                        }
                    }
                }
            }
            return Boolean.TRUE;
        });
    }

    /** A CLUSTER NODES line: {@code id ip:port@bus flags master-id ping pong epoch link-state slots...}. */
    private static boolean isHealthy(String entry, boolean replicasAllowed) {
        String[] fields = entry.trim().split(" ", -1);
        if (fields.length < 8) {
            return false;
        }
        List<String> flags = flags(entry);
        boolean role = flags.contains("master") || (replicasAllowed && flags.contains("slave"));
        return role && !flags.contains("fail") && !flags.contains("fail?") && fields[7].equals("connected");
    }

    private static List<String> flags(String entry) {
        String[] fields = entry.trim().split(" ", -1);
        return fields.length < 3 ? List.of() : List.of(fields[2].split(",", -1));
    }

    private static String line(String text, String containing) {
        return text.lines().filter(l -> l.contains(containing)).findFirst().orElse("(none)");
    }
}
