package dev.perfplatform.testing.redis;

import dev.perfplatform.testing.ExternalPrograms;
import dev.perfplatform.testing.internal.FreePorts;
import dev.perfplatform.testing.internal.LocalNodeLauncher;
import dev.perfplatform.testing.internal.NodeLauncher;
import dev.perfplatform.testing.internal.TempDirs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Real {@code redis-server} processes on free ports for fault-injection tests: a standalone node, a Redis Cluster
 * or a Sentinel group, whose nodes can be killed, restarted, paused and resumed.
 *
 * <pre>{@code
 * try (RedisServerProcess redis = RedisServerProcess.sentinel()) {
 *     RedisClient lettuce = RedisClient.create(redis.uri()); // "redis-sentinel://127.0.0.1:PORT#mymaster"
 *     redis.master().kill(); // Sentinel promotes redis.replica() within a few seconds
 * }
 * }</pre>
 *
 * <p>Uses {@code redis-server} and {@code redis-cli} from the PATH, or {@code redis:7} containers when they are
 * missing and a Docker engine runs. Nodes die with the JVM, even when it is killed with SIGKILL.
 */
public final class RedisServerProcess implements AutoCloseable {

    static final String MASTER_NAME = "mymaster";

    private enum Topology {
        STANDALONE,
        CLUSTER,
        SENTINEL
    }

    private final Topology topology;
    private final NodeLauncher launcher;
    private final Path root;
    private final List<RedisNode> nodes = new ArrayList<>();
    private @Nullable TlsListener tls;
    private boolean closed;

    private RedisServerProcess(Topology topology, NodeLauncher launcher, Path root) {
        this.topology = topology;
        this.launcher = launcher;
        this.root = root;
    }

    /** One standalone node: {@code try (RedisServerProcess redis = RedisServerProcess.standalone()) { ... }}. */
    public static RedisServerProcess standalone() {
        return create(Topology.STANDALONE, group -> group.startNode(RedisNode.Role.STANDALONE, FreePorts.next()));
    }

    /**
     * One standalone node that also accepts TLS connections on {@link #tlsPort()}, with a self-signed certificate for
     * {@code 127.0.0.1} ({@link #tlsCertificate()}, PEM) that no JVM trusts by default; clients need not present one.
     * Needs a local {@code redis-server} built with TLS and {@code openssl} on the PATH.
     */
    public static RedisServerProcess standaloneWithTls() {
        return create(Topology.STANDALONE, group -> {
            if (!(group.launcher instanceof LocalNodeLauncher)) {
                throw new IllegalStateException("a TLS node needs a local redis-server, and this machine runs Redis in"
                        + " containers: " + ExternalPrograms.missing("redis-server", "redis-server redis-tools"));
            }
            int port = FreePorts.next();
            TlsListener listener = TlsListener.create(group.nodeDir(port), FreePorts.next());
            group.tls = listener;
            group.startNode(RedisNode.Role.STANDALONE, port, listener.serverArgs());
        });
    }

    /** The TLS port of a {@link #standaloneWithTls()} node. */
    public int tlsPort() {
        return tlsListener().port();
    }

    /** The PEM certificate of a {@link #standaloneWithTls()} node, also its own certificate authority. */
    public Path tlsCertificate() {
        return tlsListener().certificate();
    }

    private TlsListener tlsListener() {
        TlsListener listener = tls;
        if (listener == null) {
            throw new IllegalStateException("TLS needs RedisServerProcess.standaloneWithTls(); this node has none");
        }
        return listener;
    }

    /** A Redis Cluster of three masters and no replicas, ready ({@code cluster_state:ok}) on every node. */
    public static RedisServerProcess cluster() {
        return cluster(3);
    }

    /** A Redis Cluster of {@code masters} (at least 3) masters and no replicas, ready on every node. */
    public static RedisServerProcess cluster(int masters) {
        return cluster(masters, 0);
    }

    /**
     * A Redis Cluster of {@code masters} (at least 3) masters with {@code replicasPerMaster} replicas each ({@code
     * --cluster-replicas}), ready on every node with every replica's link up. Nodes start masters first ({@link
     * RedisNode.Role#CLUSTER_MASTER}), then replicas ({@link RedisNode.Role#CLUSTER_REPLICA}); which replica follows
     * which master is the cluster's choice. A killed master's replica takes over within about two node timeouts
     * (2 s each).
     */
    public static RedisServerProcess cluster(int masters, int replicasPerMaster) {
        if (masters < 3) {
            throw new IllegalArgumentException("a Redis Cluster needs at least 3 masters, not " + masters);
        }
        if (replicasPerMaster < 0) {
            throw new IllegalArgumentException("replicasPerMaster must not be negative but was " + replicasPerMaster);
        }
        return create(Topology.CLUSTER, group -> ClusterBootstrap.create(group, masters, replicasPerMaster));
    }

    /** A master, one replica and one Sentinel monitoring them as {@code mymaster} (quorum 1, 1 s down-after). */
    public static RedisServerProcess sentinel() {
        return create(Topology.SENTINEL, SentinelBootstrap::create);
    }

    /** Every node in start order (sentinel topology: master, replica, Sentinel). */
    public List<RedisNode> nodes() {
        return List.copyOf(nodes);
    }

    /** The node at {@code index} in start order. */
    public RedisNode node(int index) {
        return nodes.get(index);
    }

    /**
     * Standalone: {@code redis://127.0.0.1:PORT}; cluster: the first master's URI (a seed); sentinel: {@code
     * redis-sentinel://127.0.0.1:SENTINEL_PORT#mymaster} in Lettuce's syntax.
     */
    public String uri() {
        if (topology == Topology.SENTINEL) {
            return "redis-sentinel://" + RedisNode.HOST + ":" + sentinelNode().port() + "#" + MASTER_NAME;
        }
        return node(0).uri();
    }

    /** Sentinel topology: the node started as master (after a failover it may be a replica). */
    public RedisNode master() {
        return sentinelTopology("master()").get(0);
    }

    /** Sentinel topology: the node started as replica. */
    public RedisNode replica() {
        return sentinelTopology("replica()").get(1);
    }

    /** Sentinel topology: the Sentinel process. */
    public RedisNode sentinelNode() {
        return sentinelTopology("sentinelNode()").get(2);
    }

    /** Sentinel topology: the name the Sentinel monitors the master under, {@code mymaster}. */
    public String masterName() {
        sentinelTopology("masterName()");
        return MASTER_NAME;
    }

    /**
     * Cluster topology: waits until every running node reports {@code cluster_state:ok} and sees every running node
     * connected without failure flags (as a master, in a cluster without replicas) and every replica's master link is
     * up; use it after {@link RedisNode#restart()}.
     */
    public void awaitClusterOk(Duration timeout) {
        if (topology != Topology.CLUSTER) {
            throw new IllegalStateException("awaitClusterOk() needs RedisServerProcess.cluster(), not " + topology);
        }
        ClusterBootstrap.awaitOk(nodes, timeout);
    }

    /** Kills every node and deletes their directories; calling it again does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        for (int i = nodes.size() - 1; i >= 0; i--) {
            try {
                nodes.get(i).kill();
            } catch (RuntimeException e) {
                failure = keepFirst(failure, e);
            }
        }
        try {
            TempDirs.deleteRecursively(root);
        } catch (RuntimeException e) {
            failure = keepFirst(failure, e);
        }
        if (failure != null) {
            throw failure;
        }
    }

    NodeLauncher launcher() {
        return launcher;
    }

    /** Starts a node with the common arguments (port, loopback, own dir and log, no persistence) plus {@code extra}. */
    RedisNode startNode(RedisNode.Role role, int port, String... extra) {
        Path dir = nodeDir(port);
        String log = dir.resolve(RedisNode.LOG_FILE).toString();
        List<String> args = new ArrayList<>(List.of("--port", Integer.toString(port), "--bind", RedisNode.HOST));
        Collections.addAll(args, "--dir", dir.toString(), "--logfile", log, "--save", "", "--appendonly", "no");
        // DEBUG SLEEP lets fault tests block a server for a set time; only loopback clients may send it.
        Collections.addAll(args, "--enable-debug-command", "local");
        Collections.addAll(args, extra);
        return startNode(role, port, dir, args);
    }

    /** Starts a node with exactly {@code args}, in {@code dir} (from {@link #nodeDir(int)}). */
    RedisNode startNode(RedisNode.Role role, int port, Path dir, List<String> args) {
        RedisNode node = new RedisNode(launcher, role, port, dir, args);
        nodes.add(node);
        node.start();
        return node;
    }

    /** Creates the directory of the node on {@code port}. */
    Path nodeDir(int port) {
        return TempDirs.subdirectory(root, "node-" + port);
    }

    private List<RedisNode> sentinelTopology(String method) {
        if (topology != Topology.SENTINEL) {
            throw new IllegalStateException(
                    method + " needs RedisServerProcess.sentinel(); this is a " + topology + " topology");
        }
        return nodes;
    }

    private static RuntimeException keepFirst(@Nullable RuntimeException first, RuntimeException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    private static RedisServerProcess create(Topology topology, Consumer<RedisServerProcess> bootstrap) {
        NodeLauncher launcher = NodeLauncher.detect();
        RedisServerProcess group = new RedisServerProcess(topology, launcher, TempDirs.create("redis-server-process-"));
        try {
            bootstrap.accept(group);
            return group;
        } catch (RuntimeException | Error e) {
            try {
                group.close();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }
}
