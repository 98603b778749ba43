package dev.perfplatform.testing.redis;

import dev.perfplatform.testing.internal.NodeLauncher;
import dev.perfplatform.testing.internal.NodeProcess;
import dev.perfplatform.testing.internal.Waits;
import dev.perfplatform.testing.resp.RespClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One {@code redis-server} (or Sentinel) process started by {@link RedisServerProcess}, which a test can kill,
 * restart, pause and resume.
 *
 * <pre>{@code
 * RedisNode node = redis.node(0);
 * node.kill();     // SIGKILL; returns once the port refuses connections
 * node.restart();  // same port, same directory and config; returns once it answers PING
 * }</pre>
 */
public final class RedisNode {

    /** The part a node was started to play; it does not change when Sentinel or the cluster fails over. */
    public enum Role {
        STANDALONE,
        CLUSTER_MASTER,
        CLUSTER_REPLICA,
        MASTER,
        REPLICA,
        SENTINEL
    }

    static final String HOST = "127.0.0.1";
    static final String LOG_FILE = "redis.log";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration PROBE_TIMEOUT = Duration.ofMillis(500);

    private final NodeLauncher launcher;
    private final Role role;
    private final int port;
    private final Path dir;
    private final List<String> args;
    private @Nullable NodeProcess process;

    RedisNode(NodeLauncher launcher, Role role, int port, Path dir, List<String> args) {
        this.launcher = launcher;
        this.role = role;
        this.port = port;
        this.dir = dir;
        this.args = List.copyOf(args);
    }

    /** Always {@code 127.0.0.1}: nodes bind the loopback interface only. */
    public String host() {
        return HOST;
    }

    /** The port, the same across restarts. */
    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:PORT}. */
    public String uri() {
        return "redis://" + HOST + ":" + port;
    }

    /** The role the node was started in. */
    public Role role() {
        return role;
    }

    /** The node's own directory: its data, {@code nodes.conf} or {@code sentinel.conf}, and {@code redis.log}. */
    public Path dir() {
        return dir;
    }

    /** The pid of the running server process; fails when the node is not running. */
    public synchronized long pid() {
        return running().pid();
    }

    /** Whether the process runs (a paused node counts as running). */
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Kills the process with SIGKILL and waits until its port refuses connections; does nothing if not running. */
    public synchronized void kill() {
        NodeProcess current = process;
        if (current == null) {
            return;
        }
        process = null;
        current.kill(STOP_TIMEOUT);
        Waits.await(STOP_TIMEOUT, this + " to stop accepting connections", () -> {
            try (RespClient client = RespClient.connect(HOST, port, PROBE_TIMEOUT)) {
                throw new Waits.NotYet("port " + port + " still accepts connections");
            } catch (java.io.UncheckedIOException refused) {
                return Boolean.TRUE;
            }
        });
    }

    /**
     * Kills the node if it runs, then starts it again on the same port with the same arguments and directory (a
     * cluster node rejoins with its {@code nodes.conf}); returns once it answers PING.
     */
    public synchronized void restart() {
        kill();
        start();
    }

    /** Freezes the process (SIGSTOP): connections are accepted but nothing is answered, like a hung server. */
    public synchronized void pause() {
        launcher.pause(running());
    }

    /** Lets a {@link #pause() paused} process run again (SIGCONT). */
    public synchronized void resume() {
        launcher.resume(running());
    }

    /** A new connection to this node (5 s connect and read timeout); the caller closes it. */
    public RespClient client() {
        return RespClient.connect(HOST, port, Duration.ofSeconds(5));
    }

    synchronized void start() {
        if (process != null) {
            throw new IllegalStateException(this + " is already running");
        }
        NodeProcess started = launcher.start(dir, args);
        process = started;
        try {
            Waits.await(START_TIMEOUT, this + " to answer PING", () -> {
                if (!started.isAlive()) {
                    throw new IllegalStateException("the process exited during startup");
                }
                try (RespClient client = RespClient.connect(HOST, port, PROBE_TIMEOUT)) {
                    String pong = client.string("PING");
                    if (!"PONG".equals(pong)) {
                        throw new Waits.NotYet("PING answered " + pong);
                    }
                    checkAnsweredBy(client, started);
                    return Boolean.TRUE;
                }
            });
        } catch (RuntimeException e) {
            process = null;
            started.kill(STOP_TIMEOUT);
            throw new IllegalStateException(
                    "cannot start " + this + ": " + e.getMessage() + "\nlast lines of " + dir.resolve(LOG_FILE) + ":\n"
                            + logTail(20),
                    e);
        }
    }

    /** Fails when the port is answered by another local redis-server than the one just started. */
    private void checkAnsweredBy(RespClient client, NodeProcess started) {
        if (!started.isLocal()) {
            return; // inside a container the server sees another pid
        }
        String info = String.valueOf(client.string("INFO", "server"));
        String expected = "process_id:" + started.pid();
        if (info.lines().noneMatch(expected::equals)) {
            String actual = info.lines()
                    .filter(line -> line.startsWith("process_id:"))
                    .findFirst()
                    .orElse("no process_id");
            throw new IllegalStateException(
                    "port " + port + " is answered by another server (" + actual + "), not by pid " + started.pid());
        }
    }

    /** Simulates the death of the JVM for this node only: closes the wrapper's stdin without waiting. */
    synchronized void simulateParentDeath() {
        running().closeWrapperStdin();
    }

    /** The last {@code lines} lines of the node's log (and of the wrapper's output, which shows startup errors). */
    String logTail(int lines) {
        StringBuilder tail = new StringBuilder();
        for (String name : List.of(LOG_FILE, "process.out")) {
            try {
                List<String> all = Files.readAllLines(dir.resolve(name), StandardCharsets.UTF_8);
                all.subList(Math.max(0, all.size() - lines), all.size())
                        .forEach(line -> tail.append(line).append('\n'));
            } catch (IOException e) {
                // no such file yet: the process died before writing it
            }
        }
        return tail.length() == 0 ? "(empty)" : tail.toString();
    }

    private NodeProcess running() {
        NodeProcess current = process;
        if (current == null || !current.isAlive()) {
            throw new IllegalStateException(this + " is not running");
        }
        return current;
    }

    @Override
    public String toString() {
        return role + " node " + HOST + ":" + port;
    }
}
