package dev.perfplatform.bench.redis;

import dev.perfplatform.bench.KeySpace;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * One trial's Redis set-up: a private server, a Lettuce client, the window of calls and what the measurement
 * iterations observed: latencies, decisions and Redis commands ({@code INFO commandstats}, which also counts the
 * commands a script runs). {@link #report} appends them as one JSON line to the file named by the system property
 * {@value #EXTRA_PROPERTY}, next to JMH's own JSON.
 */
final class RedisRig implements AutoCloseable {

    /** System property naming the JSON-lines file that receives latency percentiles and command counts. */
    static final String EXTRA_PROPERTY = "perfplatform.bench.extra";

    /**
     * Pseudo-command under which {@link #commandStats} reports the microseconds {@code INFO commandstats} gives the
     * commands; a script's own commands are counted both alone and inside its {@code EVALSHA}.
     */
    static final String USEC = "_usec";

    /**
     * Pseudo-command under which the server process's CPU microseconds (user + system, {@code INFO cpu}) over the
     * measured iterations are reported: everything the decisions cost Redis, reading and writing the sockets
     * included, each microsecond counted once.
     */
    static final String CPU_USEC = "_cpu_us";

    private final PrivateRedis redis;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> admin;
    private final Window window;
    private final KeySpace space;
    private final Histogram latencies = new Histogram(3);
    private final Map<String, Long> commands = new TreeMap<>();
    private Targets.@Nullable Built built;
    private long decisions;
    private long iterationStart;
    private long cpuStart;

    RedisRig(int inFlight, String keys) {
        this.redis = PrivateRedis.start();
        this.client = RedisClient.create(redis.uri());
        this.admin = client.connect();
        this.window = new Window(inFlight);
        this.space = KeySpace.of(keys);
    }

    RedisClient client() {
        return client;
    }

    KeySpace space() {
        return space;
    }

    RedisRig use(Targets.Built target) {
        this.built = target;
        return this;
    }

    void submit(KeySpace.Cursor cursor) {
        window.submit(target().target(), space.next(cursor));
    }

    /**
     * Makes one call per key before the first warm-up iteration, so every key has its state in Redis: measured
     * calls then meet the steady state of a long-running service, not a share of first-time keys that shrinks through
     * the trial (and makes a contender whose first call on a key costs more speed up iteration after iteration).
     */
    void prefill() {
        for (String key : space.keys()) {
            window.submit(target().target(), key);
        }
        window.drain();
        window.takeLatencies();
    }

    void beginIteration() {
        window.drain();
        window.takeLatencies();
        admin.sync().configResetstat();
        iterationStart = window.completed();
        cpuStart = cpuMicros(admin.sync());
    }

    void endIteration(boolean measured) {
        window.drain();
        Histogram iteration = window.takeLatencies();
        if (!measured) {
            return;
        }
        latencies.add(iteration);
        decisions += window.completed() - iterationStart;
        commandStats(admin.sync()).forEach((name, calls) -> commands.merge(name, calls, Long::sum));
        commands.merge(CPU_USEC, cpuMicros(admin.sync()) - cpuStart, Long::sum);
    }

    /** The server process's CPU time so far, user + system, in microseconds. */
    static long cpuMicros(RedisCommands<String, String> redis) {
        double seconds = 0;
        for (String line : redis.info("cpu").lines().toList()) {
            if (line.startsWith("used_cpu_user:") || line.startsWith("used_cpu_sys:")) {
                seconds +=
                        Double.parseDouble(line.substring(line.indexOf(':') + 1).strip());
            }
        }
        return Math.round(seconds * 1_000_000);
    }

    private static long field(String line, String name) {
        int start = line.indexOf(name) + name.length();
        return Long.parseLong(line.substring(start, line.indexOf(',', start)));
    }

    /**
     * Calls per command since the last {@code CONFIG RESETSTAT}, without our own bookkeeping commands, and under
     * {@value #USEC} the server's CPU microseconds spent on them.
     */
    static Map<String, Long> commandStats(RedisCommands<String, String> redis) {
        Map<String, Long> calls = new TreeMap<>();
        for (String line : redis.info("commandstats").lines().toList()) {
            if (!line.startsWith("cmdstat_")) {
                continue;
            }
            String name = line.substring("cmdstat_".length(), line.indexOf(':'));
            if (name.startsWith("config") || name.equals("info")) {
                continue;
            }
            calls.put(name, field(line, "calls="));
            calls.merge(USEC, field(line, "usec="), Long::sum);
        }
        return calls;
    }

    void report(BenchmarkParams params) {
        String file = System.getProperty(EXTRA_PROPERTY);
        if (file == null || file.isBlank()) {
            return;
        }
        String paramsJson = params.getParamsKeys().stream()
                .map(key -> quote(key) + ":" + quote(params.getParam(key)))
                .collect(Collectors.joining(",", "{", "}"));
        String commandsJson = commands.entrySet().stream()
                .map(entry -> quote(entry.getKey()) + ":" + entry.getValue())
                .collect(Collectors.joining(",", "{", "}"));
        String line = "{\"benchmark\":" + quote(params.getBenchmark()) + ",\"params\":" + paramsJson
                + ",\"jdk\":" + quote(params.getJdkVersion()) + ",\"threads\":" + params.getThreads()
                + ",\"decisions\":" + decisions + ",\"failed\":" + window.failed() + ",\"degraded\":"
                + window.degraded() + ",\"p50_us\":" + micros(latencies.getValueAtPercentile(50)) + ",\"p99_us\":"
                + micros(latencies.getValueAtPercentile(99)) + ",\"p999_us\":"
                + micros(latencies.getValueAtPercentile(99.9)) + ",\"commands\":" + commandsJson + "}\n";
        try {
            Files.writeString(
                    Path.of(file), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
    }

    private Targets.Built target() {
        Targets.Built current = built;
        if (current == null) {
            throw new IllegalStateException("no target: call use() in the trial set-up");
        }
        return current;
    }

    private static String micros(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1_000.0);
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public void close() {
        window.drain();
        try {
            if (built != null) {
                built.resource().close();
            }
        } catch (Exception e) {
            // closing a benchmark's client: nothing to do about a failure
        } finally {
            admin.close();
            client.shutdown();
            redis.close();
        }
    }
}
