package dev.perfplatform.jmx.bench;

import dev.perfplatform.jmx.testing.TargetJvm;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Three targets, one slowed by 2 s (every read of its {@code test:type=Slow} sleeps). With a 3 s deadline our page
 * should take at most 1.2× the slow target's own time (its bulk read POSTed straight to its Jolokia); with a 1 s
 * deadline the page must arrive within 1.1 s with {@code jmx_scraper_target_up{target="slow"} 0}.
 */
final class SlowTargetScenario {

    static final long SLOW_MILLIS = 2000;

    private SlowTargetScenario() {}

    static Map<String, Object> run(BenchSettings settings) throws IOException {
        FlagSet flags = FlagSet.DEFAULT;
        Log.line("slow target");
        List<TargetJvm> targets = new ArrayList<>(Targets.startMany(settings, 2));
        try {
            TargetJvm slow = Targets.startOne(settings, SLOW_MILLIS);
            targets.add(slow);
            List<Long> allPids = targets.stream().map(TargetJvm::pid).toList();
            int generated = BenchRules.GENERATED;
            try (ScraperServerProcess patient =
                            ScraperServerProcess.start(settings.launch(), flags.flags(), config(targets, "3s"));
                    ScraperServerProcess strict =
                            ScraperServerProcess.start(settings.launch(), flags.flags(), config(targets, "1s"));
                    DirectJolokia direct = new DirectJolokia(slow)) {
                Measurement patientPage = new Measurement(
                        "jmx-scraper page, deadline 3 s", patient, allPids, PageCheck.expecting(3 * generated, 0));
                Measurement strictPage = new Measurement(
                        "jmx-scraper page, deadline 1 s", strict, allPids, PageCheck.expecting(2 * generated, 1));
                Measurement own = new Measurement(
                        "slow target's own time (bulk read straight to its Jolokia)",
                        direct,
                        List.of(slow.pid()),
                        PageCheck.ANY);
                settings.slow().run(List.of(patientPage, own, strictPage));
                boolean patientValid = patientPage.failures() == 0 && own.failures() == 0;
                double ratio = Results.ratio(patientPage.p50Ms(), own.p50Ms());
                double worstRatio = Results.ratio(patientPage.maxMs(), own.p50Ms());
                List<Map<String, Object>> rows = new ArrayList<>();
                for (Measurement measurement : List.of(patientPage, own, strictPage)) {
                    Map<String, Object> row = Results.row(
                            measurement, flags, measurement.contender().pids().size());
                    if (measurement == own) { // a JSON answer, not a page: no series to count
                        row.put("seriesMin", "–");
                        row.put("seriesMax", "–");
                    }
                    rows.add(row);
                }
                return Results.scenario(
                        "slow-target",
                        "A slow target, " + flags.title(),
                        "Three target JVMs, one of them slowed by " + SLOW_MILLIS + " ms; two of our servers"
                                + " read all three, one with a 3 s deadline per target and one with 1 s. The slow"
                                + " target's own time is the same bulk read sent straight to its Jolokia agent."
                                + " Alternating rounds of " + settings.slow().perRound() + " after "
                                + settings.slow().warmUps() + " warm-up scrapes. With 1 s every page must show the"
                                + " slow target at up 0 and the other two complete (a page that does not is a"
                                + " failure). jmx_exporter is not in this table: its standalone server reads over"
                                + " RMI with no per-target deadline, and the oracle fixture's start-up check (2 s"
                                + " per attempt) never sees its first page of a 2 s target.",
                        rows,
                        List.of(
                                Results.goal(
                                        "deadline 3 s: page p50 ≤ 1.2× the slow target's own p50",
                                        ratio,
                                        1.2,
                                        ratio + "× (slowest page " + worstRatio + "×)",
                                        patientValid),
                                Results.goal(
                                        "deadline 1 s: every page ≤ 1,100 ms with the slow target at up 0",
                                        strictPage.maxMs(),
                                        1100,
                                        "slowest page " + strictPage.maxMs() + " ms",
                                        strictPage.failures() == 0)));
            }
        } finally {
            Targets.closeAll(targets);
        }
    }

    private static String config(List<TargetJvm> targets, String slowDeadline) {
        return BenchRules.scraperConfig(List.of(
                new BenchRules.Target("fast1", targets.get(0), "3s"),
                new BenchRules.Target("fast2", targets.get(1), "3s"),
                new BenchRules.Target("slow", targets.get(2), slowDeadline)));
    }
}
