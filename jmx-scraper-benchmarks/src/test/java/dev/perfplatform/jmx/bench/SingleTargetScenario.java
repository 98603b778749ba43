package dev.perfplatform.jmx.bench;

import dev.perfplatform.jmx.testing.TargetJvm;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One target: our server and one jmx_exporter, started with the same flags, scraped in alternating rounds; then
 * (default flags only) four concurrent scrapers each. Goals: RSS and p50/p99 latency at most 1.0× jmx_exporter's.
 */
final class SingleTargetScenario {

    private SingleTargetScenario() {}

    static List<Map<String, Object>> run(BenchSettings settings) throws IOException {
        List<Map<String, Object>> scenarios = new ArrayList<>();
        try (TargetJvm target = Targets.startOne(settings, 0)) {
            for (FlagSet flags : List.of(FlagSet.DEFAULT, FlagSet.SMALL_HEAP)) {
                scenarios.add(run(settings, target, flags, flags.equals(FlagSet.DEFAULT)));
            }
        }
        return scenarios;
    }

    private static Map<String, Object> run(BenchSettings settings, TargetJvm target, FlagSet flags, boolean concurrent)
            throws IOException {
        Log.line("1 target, " + flags.name());
        String config = BenchRules.scraperConfig(List.of(new BenchRules.Target("t0", target, "10s")));
        PageCheck check = PageCheck.expecting(BenchRules.GENERATED, 0);
        List<Long> targetPids = List.of(target.pid());
        try (ScraperServerProcess ours = ScraperServerProcess.start(settings.launch(), flags.flags(), config);
                ExporterFleet theirs = ExporterFleet.start(List.of(target), BenchRules.RULES, flags.flags())) {
            Measurement mine = new Measurement("jmx-scraper", ours, targetPids, check);
            Measurement baseline = new Measurement("jmx_exporter 1.0.1", theirs, targetPids, check);
            settings.single().run(List.of(mine, baseline));
            Map<String, Object> ourRow = Results.rowWithMemory(mine, flags);
            Map<String, Object> theirRow = Results.rowWithMemory(baseline, flags);
            Results.ratios(ourRow, theirRow);
            List<Map<String, Object>> rows = new ArrayList<>(List.of(ourRow, theirRow));
            List<Object> goals = goals(ourRow, mine.failures() == 0 && baseline.failures() == 0);
            if (concurrent) {
                Log.line("1 target, " + flags.name() + ", "
                        + settings.concurrent().scrapers() + " scrapers");
                Measurement mineConcurrent = new Measurement(
                        "jmx-scraper, " + settings.concurrent().scrapers() + " scrapers", ours, targetPids, check);
                Measurement theirsConcurrent = new Measurement(
                        "jmx_exporter 1.0.1, " + settings.concurrent().scrapers() + " scrapers",
                        theirs,
                        targetPids,
                        check);
                settings.concurrent().run(List.of(mineConcurrent, theirsConcurrent));
                Map<String, Object> ourConcurrentRow = Results.rowWithMemory(mineConcurrent, flags);
                Map<String, Object> theirConcurrentRow = Results.rowWithMemory(theirsConcurrent, flags);
                Results.ratios(ourConcurrentRow, theirConcurrentRow);
                rows.add(ourConcurrentRow);
                rows.add(theirConcurrentRow);
            }
            return Results.scenario(
                    "one-target-" + (flags.equals(FlagSet.DEFAULT) ? "default" : "small-heap"),
                    "1 target, " + flags.title(),
                    "One target JVM with " + BenchRules.GENERATED + " generated numeric attributes plus the test"
                            + " and platform MBeans; our server and one jmx_exporter, both started with "
                            + flags.shown() + ", scraped sequentially in alternating rounds of "
                            + settings.single().perRound() + " after "
                            + settings.single().warmUps()
                            + " unrecorded warm-up scrapes each. RSS is read after the sequential rounds."
                            + (concurrent
                                    ? " Then " + settings.concurrent().scrapers() + " concurrent scrapers of "
                                            + settings.concurrent().perRound() + " scrapes each per round."
                                    : ""),
                    rows,
                    goals);
        }
    }

    private static List<Object> goals(Map<String, Object> ours, boolean valid) {
        return List.of(
                Results.goal(
                        "RSS ≤ 1.0× jmx_exporter's (VmRSS after the run)",
                        Results.number(ours, "rssRatio"),
                        1.0,
                        Results.number(ours, "rssRatio") + "×",
                        valid),
                Results.goal(
                        "p50 latency ≤ 1.0× jmx_exporter's",
                        Results.number(ours, "p50Ratio"),
                        1.0,
                        Results.number(ours, "p50Ratio") + "×",
                        valid),
                Results.goal(
                        "p99 latency ≤ 1.0× jmx_exporter's",
                        Results.number(ours, "p99Ratio"),
                        1.0,
                        Results.number(ours, "p99Ratio") + "×",
                        valid));
    }
}
