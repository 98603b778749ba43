package dev.perfplatform.jmx.bench;

import dev.perfplatform.jmx.testing.TargetJvm;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ten targets: one of our servers reading all ten against the ten jmx_exporter processes needed (one per JVM), each
 * side with the same flags. A jmx_exporter "scrape" asks all ten at once and ends with the last page. Goal: our RSS
 * at most a third of the ten exporters' summed RSS.
 */
final class ManyTargetsScenario {

    static final int TARGETS = 10;

    private ManyTargetsScenario() {}

    static List<Map<String, Object>> run(BenchSettings settings) throws IOException {
        List<Map<String, Object>> scenarios = new ArrayList<>();
        List<TargetJvm> targets = Targets.startMany(settings, TARGETS);
        try {
            for (FlagSet flags : settings.manyFlags()) {
                scenarios.add(run(settings, targets, flags));
            }
        } finally {
            Targets.closeAll(targets);
        }
        return scenarios;
    }

    private static Map<String, Object> run(BenchSettings settings, List<TargetJvm> targets, FlagSet flags)
            throws IOException {
        Log.line(TARGETS + " targets, " + flags.name());
        List<BenchRules.Target> configured = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            configured.add(new BenchRules.Target("t" + i, targets.get(i), "10s"));
        }
        List<Long> targetPids = targets.stream().map(TargetJvm::pid).toList();
        PageCheck check = PageCheck.expecting(BenchRules.GENERATED * TARGETS, 0);
        try (ScraperServerProcess ours = ScraperServerProcess.start(
                        settings.launch(), flags.flags(), BenchRules.scraperConfig(configured));
                ExporterFleet theirs = ExporterFleet.start(targets, BenchRules.RULES, flags.flags())) {
            Measurement mine = new Measurement("jmx-scraper (1 process)", ours, targetPids, check);
            Measurement baseline =
                    new Measurement("jmx_exporter 1.0.1 (" + TARGETS + " processes)", theirs, targetPids, check);
            settings.many().run(List.of(mine, baseline));
            Map<String, Object> ourRow = Results.rowWithMemory(mine, flags);
            Map<String, Object> theirRow = Results.rowWithMemory(baseline, flags);
            Results.ratios(ourRow, theirRow);
            boolean valid = mine.failures() == 0 && baseline.failures() == 0;
            double rssRatio = Results.number(ourRow, "rssRatio");
            return Results.scenario(
                    "ten-targets-" + (flags.equals(FlagSet.DEFAULT) ? "default" : "small-heap"),
                    TARGETS + " targets, " + flags.title(),
                    TARGETS + " target JVMs as above; one jmx-scraper reading all of them (one page) against "
                            + TARGETS + " jmx_exporter processes, one per target, all started with "
                            + flags.shown() + ". A jmx_exporter scrape asks the " + TARGETS
                            + " exporters at once and ends with the last page. Alternating rounds of "
                            + settings.many().perRound() + " after "
                            + settings.many().warmUps()
                            + " warm-up scrapes; memory is summed over the processes (peaks summed too).",
                    List.of(ourRow, theirRow),
                    List.of(Results.goal(
                            "RSS ≤ ⅓ of the " + TARGETS + " jmx_exporters' summed RSS",
                            rssRatio,
                            1.0 / 3,
                            rssRatio + "× (limit 0.33×)",
                            valid)));
        }
    }
}
