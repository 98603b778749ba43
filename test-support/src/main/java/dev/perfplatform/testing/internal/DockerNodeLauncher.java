package dev.perfplatform.testing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The fallback when {@code redis-server} is not installed: the same arguments in {@code redis:7} containers on the
 * host network, the node's directory mounted at the same path and the container running as the directory's owner
 * (so that it can write {@code nodes.conf} and rewrite {@code sentinel.conf}).
 *
 * <p>Not exercised by this project's build: the build machine has no Docker engine. Kill is {@code docker kill}
 * (after {@code docker unpause}, which a paused container needs) run by the same stdin-watching wrapper as local
 * processes; pause is {@code docker pause}.
 */
final class DockerNodeLauncher implements NodeLauncher {

    private static final String IMAGE = "redis:7";
    private static final Duration DOCKER_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2); // includes a first image pull

    static boolean isAvailable() {
        return Commands.succeeds(List.of("docker", "info"), Duration.ofSeconds(10));
    }

    @Override
    public NodeProcess start(Path dir, List<String> serverArgs) {
        String name = "perfplatform-redis-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> command = new ArrayList<>(List.of("docker", "run", "--rm", "--name", name, "--network", "host"));
        command.addAll(List.of("--user", owner(dir), "-v", dir + ":" + dir, IMAGE, "redis-server"));
        command.addAll(serverArgs);
        String cleanup = "docker unpause " + name + " >/dev/null 2>&1; docker kill " + name + " >/dev/null 2>&1";
        NodeProcess process = NodeProcess.spawn(command, dir, cleanup, name);
        try {
            long pid = Waits.await(START_TIMEOUT, "container " + name + " to run", () -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("docker run exited; see " + dir.resolve("process.out"));
                }
                String out = Commands.run(List.of("docker", "inspect", "-f", "{{.State.Pid}}", name), DOCKER_TIMEOUT)
                        .trim();
                if (out.isEmpty() || out.equals("0")) {
                    throw new Waits.NotYet("container " + name + " has no process yet");
                }
                return Long.parseLong(out);
            });
            process.serverPid(pid);
            return process;
        } catch (RuntimeException e) {
            process.kill(DOCKER_TIMEOUT);
            throw e;
        }
    }

    @Override
    public void pause(NodeProcess process) {
        Commands.run(List.of("docker", "pause", container(process)), DOCKER_TIMEOUT);
    }

    @Override
    public void resume(NodeProcess process) {
        Commands.run(List.of("docker", "unpause", container(process)), DOCKER_TIMEOUT);
    }

    @Override
    public String cli(List<String> args, Duration timeout) {
        List<String> command = new ArrayList<>(List.of("docker", "run", "--rm", "--network", "host", IMAGE));
        command.add("redis-cli");
        command.addAll(args);
        return Commands.run(command, timeout.plus(DOCKER_TIMEOUT));
    }

    private static String container(NodeProcess process) {
        return Objects.requireNonNull(process.container(), "not a container");
    }

    private static String owner(Path dir) {
        try {
            return Files.getAttribute(dir, "unix:uid") + ":" + Files.getAttribute(dir, "unix:gid");
        } catch (IOException | UnsupportedOperationException e) {
            throw new UncheckedIOException(new IOException("cannot read the owner of " + dir, e));
        }
    }
}
