package dev.perfplatform.jmx.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark driver: runs the scenarios (one target at two flag sets, ten targets, a slow target) against real
 * target JVMs, writes the raw results as JSON and renders the markdown page from them. {@code bench/run.sh} builds
 * the module and calls it on the test class path.
 *
 * <pre>
 * java -cp ... dev.perfplatform.jmx.bench.JmxBench [--quick] --server-classpath CP | --server-jar JAR
 *     --json OUT.json --page OUT.md [--reading reading.md] [--command "..."] [--only single,many,slow]
 * java -cp ... dev.perfplatform.jmx.bench.JmxBench --render --json OUT.json --page OUT.md [--reading reading.md]
 * </pre>
 */
public final class JmxBench {

    private JmxBench() {}

    public static void main(String[] args) throws IOException {
        Map<String, String> options = options(args);
        Path json = Path.of(required(options, "--json"));
        Path page = Path.of(required(options, "--page"));
        Path reading = options.containsKey("--reading") ? Path.of(options.get("--reading")) : null;
        if (!options.containsKey("--render")) {
            Files.createDirectories(json.toAbsolutePath().getParent());
            Files.writeString(json, Json.write(measure(options, json)));
            Log.line("wrote " + json);
        }
        Files.createDirectories(page.toAbsolutePath().getParent());
        Files.writeString(page, BenchPage.render(Json.read(Files.readString(json)), page, json, reading));
        Log.line("wrote " + page);
    }

    private static Map<String, Object> measure(Map<String, String> options, Path json) throws IOException {
        ServerLaunch launch = options.containsKey("--server-jar")
                ? ServerLaunch.of("--server-jar", options.get("--server-jar"))
                : ServerLaunch.of("--server-classpath", required(options, "--server-classpath"));
        boolean quick = options.containsKey("--quick");
        BenchSettings settings = BenchSettings.of(quick, launch, options.getOrDefault("--command", "(not given)"));
        List<String> only =
                List.of(options.getOrDefault("--only", "single,many,slow").split(","));
        Map<String, Object> results = Machine.describe();
        results.put("date", LocalDate.now(ZoneOffset.UTC).toString());
        results.put("quick", quick);
        results.put("command", settings.command());
        results.put("serverLaunch", launch.description());
        results.put("targetFlags", String.join(" ", settings.targetFlags()));
        results.put("flagSets", List.of(FlagSet.DEFAULT.shown(), FlagSet.SMALL_HEAP.shown()));
        results.put("rules", BenchRules.RULES);
        results.put("loadStart", Machine.loadAverage());
        List<Object> scenarios = new ArrayList<>();
        results.put("scenarios", scenarios);
        if (only.contains("single")) {
            attempt(scenarios, "1 target", () -> SingleTargetScenario.run(settings), results, json);
        }
        if (only.contains("many")) {
            attempt(
                    scenarios,
                    ManyTargetsScenario.TARGETS + " targets",
                    () -> ManyTargetsScenario.run(settings),
                    results,
                    json);
        }
        if (only.contains("slow")) {
            attempt(scenarios, "A slow target", () -> List.of(SlowTargetScenario.run(settings)), results, json);
        }
        results.put("loadEnd", Machine.loadAverage());
        return results;
    }

    /** Scenario results; a scenario that cannot run is recorded with its error and the others still run. */
    private interface Scenario {
        List<Map<String, Object>> run() throws IOException;
    }

    private static void attempt(
            List<Object> scenarios, String title, Scenario scenario, Map<String, Object> results, Path json)
            throws IOException {
        try {
            scenarios.addAll(scenario.run());
        } catch (IOException | RuntimeException e) {
            Log.line(title + " failed: " + e);
            scenarios.add(Json.object("id", "failed", "title", title, "error", e.toString()));
        }
        Files.writeString(json, Json.write(results)); // what is measured so far survives a later crash
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--quick") || arg.equals("--render")) {
                options.put(arg, "true");
            } else if (arg.startsWith("--") && i + 1 < args.length) {
                options.put(arg, args[++i]);
            } else {
                throw new IllegalArgumentException("unknown argument: " + arg);
            }
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}
