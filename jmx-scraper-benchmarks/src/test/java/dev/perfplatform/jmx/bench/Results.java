package dev.perfplatform.jmx.bench;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** The JSON shapes of a scenario: its rows (one per contender and flag set) and its goals (met or missed). */
final class Results {

    private Results() {}

    /** A scenario: a title, what it does, its table rows and its goals. */
    static Map<String, Object> scenario(
            String id, String title, String description, List<Map<String, Object>> rows, List<Object> goals) {
        return Json.object("id", id, "title", title, "description", description, "rows", rows, "goals", goals);
    }

    /** A table row: the latency figures, the flags, how many processes and (when measured) their memory. */
    static Map<String, Object> row(Measurement measurement, FlagSet flags, int processes) {
        Map<String, Object> row = measurement.toJson();
        row.put("flags", flags.shown());
        row.put("processes", processes);
        return row;
    }

    /** A table row with the memory of the contender's processes: RSS now, then the JVMs' own view. */
    static Map<String, Object> rowWithMemory(Measurement measurement, FlagSet flags) throws IOException {
        List<Long> pids = measurement.contender().pids();
        Map<String, Object> row = row(measurement, flags, pids.size());
        Map<String, Object> memory = Rss.sum(pids).toJson();
        HeapInfo.sum(pids).addTo(memory);
        row.put("memory", memory);
        return row;
    }

    /** Adds our row's ratios to the baseline row (latency p50, p99 and RSS after the run). */
    static void ratios(Map<String, Object> ours, Map<String, Object> baseline) {
        ours.put("p50Ratio", ratio(number(ours, "p50Ms"), number(baseline, "p50Ms")));
        ours.put("p99Ratio", ratio(number(ours, "p99Ms"), number(baseline, "p99Ms")));
        if (ours.get("memory") instanceof Map<?, ?> mine && baseline.get("memory") instanceof Map<?, ?> theirs) {
            ours.put("rssRatio", ratio(number(mine, "rssMiB"), number(theirs, "rssMiB")));
            ours.put("hwmRatio", ratio(number(mine, "hwmMiB"), number(theirs, "hwmMiB")));
        }
    }

    /**
     * A goal: met when {@code measured <= limit} and {@code valid} (no failed scrapes).
     *
     * @param goal what the issue asks, in words
     * @param measured the figure
     * @param limit the largest figure that meets it
     * @param shown the figure as the page prints it
     */
    static Map<String, Object> goal(String goal, double measured, double limit, String shown, boolean valid) {
        return Json.object(
                "goal",
                goal,
                "measured",
                shown + (valid ? "" : " (with failed scrapes)"),
                "met",
                valid && measured <= limit);
    }

    static double number(Map<?, ?> json, String key) {
        Object value = json.get(key);
        if (!(value instanceof Number number)) {
            throw new IllegalArgumentException("no number " + key + " in " + json);
        }
        return number.doubleValue();
    }

    static double ratio(double ours, double theirs) {
        return theirs == 0 ? Double.NaN : Math.round(ours / theirs * 100) / 100.0;
    }
}
