package dev.perfplatform.testing.internal;

import dev.perfplatform.testing.ExternalPrograms;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs {@code redis-server} and {@code redis-cli} from the PATH as child processes of this JVM. */
public final class LocalNodeLauncher implements NodeLauncher {

    private static final Duration SIGNAL_TIMEOUT = Duration.ofSeconds(5);

    /** The Debian packages that bring {@code redis-server} and {@code redis-cli}. */
    static final String REDIS_PACKAGES = "redis-server redis-tools";

    static boolean isAvailable() {
        return ExternalPrograms.find("redis-server").isPresent();
    }

    @Override
    public NodeProcess start(Path dir, List<String> serverArgs) {
        List<String> command = new ArrayList<>();
        command.add(ExternalPrograms.require("redis-server", REDIS_PACKAGES).toString());
        command.addAll(serverArgs);
        return NodeProcess.spawn(command, dir, "kill -9 \"$pid\" 2>/dev/null", null);
    }

    @Override
    public void pause(NodeProcess process) {
        signal(process, "STOP");
    }

    @Override
    public void resume(NodeProcess process) {
        signal(process, "CONT");
    }

    private static void signal(NodeProcess process, String signal) {
        // isAlive() means the wrapper has not reaped the pid yet, so it cannot belong to another process
        if (!process.isAlive()) {
            throw new IllegalStateException("redis-server pid " + process.pid() + " is not running");
        }
        Commands.run(
                List.of("sh", "-c", "kill -s " + signal + " \"$1\"", "sh", Long.toString(process.pid())),
                SIGNAL_TIMEOUT);
    }

    @Override
    public String cli(List<String> args, Duration timeout) {
        List<String> command = new ArrayList<>();
        command.add(ExternalPrograms.require("redis-cli", "redis-tools").toString());
        command.addAll(args);
        return Commands.run(command, timeout);
    }
}
