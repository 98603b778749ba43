package dev.perfplatform.jmx.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Renders the markdown page from the raw JSON: header, a goals summary, one table per scenario, the reading. */
final class BenchPage {

    private BenchPage() {}

    static String render(Map<String, Object> results, Path page, Path json, @Nullable Path reading) throws IOException {
        StringBuilder md = new StringBuilder("# jmx-scraper against jmx_exporter\n\n");
        if (Boolean.TRUE.equals(results.get("quick"))) {
            md.append(
                    "> **Quick run (`--quick`): a smoke test with few scrapes, on a machine that was busy with other"
                            + " builds. Not a measurement to quote; the full run is `jmx-scraper-benchmarks/bench/run.sh`.**\n\n");
        }
        md.append("Our standalone server against `jmx_prometheus_httpserver` 1.0.1 (jmx_exporter's standalone server,"
                + " reading over RMI) in one run, against the same target JVMs with the same rules file, each side"
                + " started with the same JVM flags. Every answer is checked (HTTP 200 and exactly the expected"
                + " number of series from the generated attributes); a wrong answer counts as a failure, not a"
                + " time. Latency is measured by the driver's JDK HTTP client, the same client settings for both,"
                + " recorded in an HdrHistogram; memory is `VmRSS` (after the run) and `VmHWM` (peak) from"
                + " `/proc/<pid>/status`; CPU per scrape is the processes' user + system time over their turns.\n\n");
        md.append("Command: `").append(results.get("command")).append("` (").append(results.get("date"));
        md.append("); raw results: [")
                .append(json.getFileName())
                .append("](")
                .append(relative(page, json))
                .append(").\n\n");
        md.append("Machine: ")
                .append(results.get("cores"))
                .append(" cores (")
                .append(results.get("cpu"))
                .append("), ")
                .append(results.get("memoryGiB"))
                .append(" GiB, ")
                .append(results.get("os"))
                .append("; JDK ")
                .append(results.get("jdk"))
                .append(". Load average (1 / 5 / 15 min) at the start: ")
                .append(results.get("loadStart"))
                .append("; at the end: ")
                .append(results.get("loadEnd"))
                .append(". Drivers, targets and contenders share the same cores.\n\n");
        md.append("Our server runs as ")
                .append(results.get("serverLaunch"))
                .append("; jmx_exporter as `java -jar jmx_prometheus_httpserver-1.0.1.jar 127.0.0.1:<port> <file>`."
                        + " Contender flags per row: ")
                .append(String.join(" and ", strings(results.get("flagSets"))))
                .append(". Target JVMs (Jolokia agent 2.6.0, `executor=fixed,threadNr=4`, and JMX over RMI on"
                        + " loopback): `")
                .append(results.get("targetFlags"))
                .append("`.\n\n");
        md.append("## Goals\n\n| scenario | goal | measured | verdict |\n|---|---|---|---|\n");
        for (Map<?, ?> scenario : maps(results.get("scenarios"))) {
            for (Map<?, ?> goal : maps(scenario.get("goals"))) {
                md.append("| ")
                        .append(scenario.get("title"))
                        .append(" | ")
                        .append(goal.get("goal"))
                        .append(" | ")
                        .append(goal.get("measured"))
                        .append(" | ")
                        .append(Boolean.TRUE.equals(goal.get("met")) ? "met" : "**missed**")
                        .append(" |\n");
            }
        }
        for (Map<?, ?> scenario : maps(results.get("scenarios"))) {
            scenario(md, scenario);
        }
        md.append("\n## Rules file (both contenders)\n\n```yaml\n")
                .append(results.get("rules"))
                .append("```\n");
        if (reading != null && Files.isRegularFile(reading)) {
            md.append("\n").append(Files.readString(reading));
        }
        return md.toString();
    }

    private static void scenario(StringBuilder md, Map<?, ?> scenario) {
        md.append("\n## ").append(scenario.get("title")).append("\n\n");
        if (scenario.containsKey("error")) {
            md.append("**Did not run to the end:** `")
                    .append(scenario.get("error").toString().replace('`', '\''))
                    .append("`\n");
            return;
        }
        md.append(scenario.get("description")).append("\n\n");
        md.append("| contender | processes | scrapes (failed) | series | p50 ms | p99 ms | max ms | CPU ms per scrape:"
                + " contender / targets | RSS MiB | peak RSS MiB | RSS anon / file MiB | heap committed / used,"
                + " metaspace MiB | vs jmx_exporter: p50 / p99 / RSS |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Map<?, ?> row : maps(scenario.get("rows"))) {
            Map<?, ?> memory = row.get("memory") instanceof Map<?, ?> m ? m : Map.of();
            md.append("| ")
                    .append(row.get("contender"))
                    .append(" | ")
                    .append(row.get("processes"))
                    .append(" | ")
                    .append(row.get("scrapes"))
                    .append(" (")
                    .append(row.get("failures"))
                    .append(") | ")
                    .append(range(row.get("seriesMin"), row.get("seriesMax")))
                    .append(" | ")
                    .append(row.get("p50Ms"))
                    .append(" | ")
                    .append(row.get("p99Ms"))
                    .append(" | ")
                    .append(row.get("maxMs"))
                    .append(" | ")
                    .append(row.get("cpuMsPerScrape"))
                    .append(" / ")
                    .append(row.get("targetCpuMsPerScrape"))
                    .append(" | ")
                    .append(or(memory.get("rssMiB")))
                    .append(" | ")
                    .append(or(memory.get("hwmMiB")))
                    .append(" | ")
                    .append(memory.isEmpty() ? "–" : memory.get("anonMiB") + " / " + memory.get("fileMiB"))
                    .append(" | ")
                    .append(
                            memory.isEmpty()
                                    ? "–"
                                    : memory.get("heapCommittedMiB") + " / " + memory.get("heapUsedMiB") + ", "
                                            + memory.get("metaspaceMiB"))
                    .append(" | ")
                    .append(
                            row.containsKey("p50Ratio")
                                    ? row.get("p50Ratio") + "× / " + row.get("p99Ratio") + "× / "
                                            + or(row.get("rssRatio")) + "×"
                                    : "–")
                    .append(" |\n");
        }
        for (Map<?, ?> row : maps(scenario.get("rows"))) {
            Object failure = row.get("firstFailure");
            if (failure != null && !failure.toString().isEmpty()) {
                md.append("\nFirst failure of ")
                        .append(row.get("contender"))
                        .append(": `")
                        .append(failure.toString().replace('`', '\''))
                        .append("`\n");
            }
        }
    }

    private static String range(@Nullable Object min, @Nullable Object max) {
        return String.valueOf(min).equals(String.valueOf(max)) ? String.valueOf(min) : min + "–" + max;
    }

    private static String or(@Nullable Object value) {
        return value == null ? "–" : value.toString();
    }

    private static String relative(Path page, Path json) {
        Path from = page.toAbsolutePath().normalize().getParent();
        return from.relativize(json.toAbsolutePath().normalize()).toString();
    }

    private static List<String> strings(@Nullable Object value) {
        return value instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of();
    }

    private static List<Map<?, ?>> maps(@Nullable Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream()
                .filter(Map.class::isInstance)
                .<Map<?, ?>>map(Map.class::cast)
                .toList();
    }
}
