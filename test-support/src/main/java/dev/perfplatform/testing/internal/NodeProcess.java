package dev.perfplatform.testing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * One server process started through a {@code sh} wrapper that ties its life to this JVM.
 *
 * <p>The wrapper starts the command in the background, writes its pid to {@code wrapper.pid}, then blocks reading
 * its stdin, a pipe whose writing end only this JVM holds. When the JVM closes it, or dies (even by SIGKILL, since
 * the kernel closes the pipe), {@code read} returns, the wrapper runs its cleanup (SIGKILL for a local process) and
 * reaps the child. Because the wrapper reaps, a pid it reported cannot be reused while the wrapper is alive, so
 * signalling it is safe. A shutdown hook closes every live wrapper's stdin too.
 */
public final class NodeProcess {

    private static final String WRAPPER_SCRIPT = """
            cleanup=$1; shift
            "$@" </dev/null >>"$NODE_DIR/process.out" 2>&1 &
            pid=$!
            echo "$pid" >"$NODE_DIR/wrapper.pid.tmp" && mv "$NODE_DIR/wrapper.pid.tmp" "$NODE_DIR/wrapper.pid"
            read -r _ || true
            eval "$cleanup"
            wait "$pid" 2>/dev/null
            exit 0
            """;
    private static final Duration PID_TIMEOUT = Duration.ofSeconds(10);
    private static final Set<NodeProcess> LIVE = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOK_INSTALLED = new AtomicBoolean();

    private final Process wrapper;
    private final long childPid;
    private final @Nullable String container;
    private volatile long serverPid;

    private NodeProcess(Process wrapper, long childPid, @Nullable String container) {
        this.wrapper = wrapper;
        this.childPid = childPid;
        this.container = container;
        this.serverPid = childPid;
    }

    /**
     * Starts {@code command} in {@code dir} under the wrapper; {@code cleanup} is the shell code the wrapper runs
     * once its stdin closes (with the child's pid in {@code $pid}).
     */
    static NodeProcess spawn(List<String> command, Path dir, String cleanup, @Nullable String container) {
        installShutdownHook();
        Path pidFile = dir.resolve("wrapper.pid");
        List<String> argv = new ArrayList<>(List.of("sh", "-c", WRAPPER_SCRIPT, "sh", cleanup));
        argv.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(argv)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("wrapper.out").toFile()));
        builder.environment().put("NODE_DIR", dir.toString());
        Process wrapper;
        try {
            Files.deleteIfExists(pidFile);
            wrapper = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", command) + ": " + e.getMessage(), e);
        }
        long pid;
        try {
            pid = Waits.await(PID_TIMEOUT, "the wrapper of " + command.get(0) + " to report its pid", () -> {
                if (!wrapper.isAlive()) {
                    throw new IllegalStateException("the sh wrapper exited with " + wrapper.exitValue());
                }
                return Long.parseLong(readIfPresent(pidFile).trim());
            });
        } catch (RuntimeException e) {
            wrapper.destroyForcibly();
            throw e;
        }
        NodeProcess process = new NodeProcess(wrapper, pid, container);
        LIVE.add(process);
        return process;
    }

    /** The pid of the server process (for Docker, the container's main process as the host sees it). */
    public long pid() {
        return serverPid;
    }

    void serverPid(long pid) {
        this.serverPid = pid;
    }

    /** Whether this is a local process rather than a Docker container. */
    public boolean isLocal() {
        return container == null;
    }

    /** The Docker container name, or {@code null} for a local process. */
    @Nullable
    String container() {
        return container;
    }

    /** Whether the wrapper and its child still run (a paused process counts as running; a zombie does not). */
    public boolean isAlive() {
        return wrapper.isAlive() && isAlive(childPid);
    }

    /** Closes the wrapper's stdin as a dying JVM would, without waiting; tests use it to check the guarantee. */
    public void closeWrapperStdin() {
        try {
            wrapper.getOutputStream().close();
        } catch (IOException ignored) {
            // already closed: the wrapper is cleaning up either way
        }
    }

    /** Kills the process (the wrapper SIGKILLs and reaps it) and waits, up to {@code timeout}, for the wrapper to exit. */
    public void kill(Duration timeout) {
        LIVE.remove(this);
        closeWrapperStdin();
        boolean exited;
        try {
            exited = wrapper.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exited = false;
        }
        if (!exited) {
            // the wrapper is still alive, so the child is not reaped and its pid is still ours to kill
            ProcessHandle.of(childPid).ifPresent(ProcessHandle::destroyForcibly);
            wrapper.destroyForcibly();
        }
    }

    private static String readIfPresent(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new Waits.NotYet(file + " does not exist yet");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Like {@link ProcessHandle#isAlive()}, but a zombie (exited, not yet reaped) counts as dead where /proc exists. */
    static boolean isAlive(long pid) {
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.isDirectory(Path.of("/proc/self"))) {
            return true;
        }
        try {
            String text = Files.readString(stat, StandardCharsets.US_ASCII);
            int end = text.lastIndexOf(')');
            return end < 0 || end + 2 >= text.length() || text.charAt(end + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    private static void installShutdownHook() {
        if (HOOK_INSTALLED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(NodeProcess::killAllLive, "redis-node-reaper"));
        }
    }

    private static void killAllLive() {
        List<NodeProcess> live = new ArrayList<>(LIVE);
        live.forEach(NodeProcess::closeWrapperStdin);
        live.forEach(process -> process.kill(Duration.ofSeconds(2)));
    }
}
