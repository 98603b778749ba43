package dev.perfplatform.testing.internal;

import dev.perfplatform.testing.ExternalPrograms;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Starts {@code redis-server} nodes and runs {@code redis-cli}: as local processes when {@code redis-server} is on
 * the PATH, otherwise in Docker containers when a Docker engine answers.
 */
public interface NodeLauncher {

    /**
     * Starts {@code redis-server} with {@code serverArgs} in {@code dir} (which also holds its logs) and returns at
     * once, without waiting for it to answer.
     */
    NodeProcess start(Path dir, List<String> serverArgs);

    /** Freezes the node (SIGSTOP, or {@code docker pause}) so that it accepts connections but never answers. */
    void pause(NodeProcess process);

    /** Undoes {@link #pause(NodeProcess)}. */
    void resume(NodeProcess process);

    /** Runs {@code redis-cli} with {@code args} and returns its output; fails on a non-zero exit or a timeout. */
    String cli(List<String> args, Duration timeout);

    /**
     * The launcher this machine supports: local {@code redis-server} first, then Docker; fails with instructions
     * when there is neither.
     */
    static NodeLauncher detect() {
        if (LocalNodeLauncher.isAvailable()) {
            return new LocalNodeLauncher();
        }
        if (DockerNodeLauncher.isAvailable()) {
            return new DockerNodeLauncher();
        }
        throw new IllegalStateException("cannot start Redis nodes: "
                + ExternalPrograms.missing("redis-server", LocalNodeLauncher.REDIS_PACKAGES)
                + " (macOS: brew install redis), or start a Docker engine (`docker info` fails)");
    }
}
