package dev.perfplatform.testing.internal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs {@code redis-server} and {@code redis-cli} from the PATH as child processes of this JVM. */
public final class LocalNodeLauncher implements NodeLauncher {

    private static final Duration SIGNAL_TIMEOUT = Duration.ofSeconds(5);

    static boolean isAvailable() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String entry : path.split(File.pathSeparator, -1)) {
            if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, "redis-server"))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public NodeProcess start(Path dir, List<String> serverArgs) {
        List<String> command = new ArrayList<>();
        command.add("redis-server");
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
        command.add("redis-cli");
        command.addAll(args);
        return Commands.run(command, timeout);
    }
}
