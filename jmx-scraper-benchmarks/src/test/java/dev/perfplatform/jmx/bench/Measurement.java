package dev.perfplatform.jmx.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAccumulator;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The scrapes of one contender in one scenario: latencies of right answers in an HdrHistogram (microseconds, three
 * significant digits), wrong or failed answers counted apart, and the range of series counts seen.
 */
final class Measurement {

    private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(2);

    private final String label;
    private final Contender contender;
    private final List<Long> targetPids;
    private final PageCheck check;
    private final AtomicLong contenderTicks = new AtomicLong();
    private final AtomicLong targetTicks = new AtomicLong();
    private final Histogram histogram = new ConcurrentHistogram(MAX_MICROS, 3);
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger warmUpFailures = new AtomicInteger();
    private final AtomicReference<String> firstFailure = new AtomicReference<>("");
    private final LongAccumulator minSeries = new LongAccumulator(Math::min, Long.MAX_VALUE);
    private final LongAccumulator maxSeries = new LongAccumulator(Math::max, 0);

    Measurement(String label, Contender contender, List<Long> targetPids, PageCheck check) {
        this.label = label;
        this.contender = contender;
        this.targetPids = List.copyOf(targetPids);
        this.check = check;
    }

    Contender contender() {
        return contender;
    }

    /** The targets this contender reads, whose CPU its scrapes cause. */
    List<Long> targetPids() {
        return targetPids;
    }

    /** CPU ticks the contender's processes and the targets used during one turn of scrapes. */
    void addCpu(long contender, long targets) {
        contenderTicks.addAndGet(contender);
        targetTicks.addAndGet(targets);
    }

    /**
     * One unrecorded scrape (warm-up), true when right. A wrong answer is counted apart (a cold first scrape of many
     * targets may run past a deadline); when {@code mustBeRight} it aborts the run, with the page saved in a file.
     */
    boolean warmUp(boolean mustBeRight) throws IOException {
        String page;
        try {
            page = contender.scrape();
        } catch (IOException e) {
            warmUpFailures.incrementAndGet();
            if (mustBeRight) {
                throw new IOException(label + " failed while warming up", e);
            }
            return false;
        }
        PageStats stats = PageStats.of(page);
        String problem = check.problem(stats);
        if (problem != null) {
            warmUpFailures.incrementAndGet();
            if (mustBeRight) {
                Path saved = Files.createTempFile("jmx-bench-wrong-page", ".txt");
                Files.writeString(saved, page);
                throw new IOException(label + " answered a wrong page while warming up: " + problem + " ("
                        + stats.series() + " series, up " + stats.up() + "; page saved in " + saved + ")");
            }
            return false;
        }
        return true;
    }

    /** One recorded scrape. */
    void scrapeOnce() {
        long start = System.nanoTime();
        String page;
        try {
            page = contender.scrape();
        } catch (IOException e) {
            fail(describe(e));
            return;
        }
        long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start);
        PageStats stats = PageStats.of(page);
        String problem = check.problem(stats);
        if (problem != null) {
            fail(problem + " (" + stats.series() + " series, up " + stats.up() + ")");
            return;
        }
        histogram.recordValue(Math.min(micros, MAX_MICROS));
        minSeries.accumulate(stats.series());
        maxSeries.accumulate(stats.series());
    }

    /** The median of right answers in milliseconds. */
    double p50Ms() {
        return ms(histogram.getValueAtPercentile(50));
    }

    double p99Ms() {
        return ms(histogram.getValueAtPercentile(99));
    }

    double maxMs() {
        return ms(histogram.getMaxValue());
    }

    int failures() {
        return failures.get();
    }

    Map<String, Object> toJson() {
        return Json.object(
                "contender", label,
                "scrapes", histogram.getTotalCount(),
                "failures", failures.get(),
                "firstFailure", firstFailure.get(),
                "warmUpFailures", warmUpFailures.get(),
                "p50Ms", p50Ms(),
                "p90Ms", ms(histogram.getValueAtPercentile(90)),
                "p99Ms", p99Ms(),
                "maxMs", maxMs(),
                "meanMs", Math.round(histogram.getMean() / 10.0) / 100.0,
                "cpuMsPerScrape", cpuMs(contenderTicks.get()),
                "targetCpuMsPerScrape", cpuMs(targetTicks.get()),
                "seriesMin", histogram.getTotalCount() == 0 ? 0 : minSeries.get(),
                "seriesMax", maxSeries.get());
    }

    /** The exception with its causes: the JDK client's exceptions often carry their reason only in a cause. */
    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.toString());
        for (Throwable cause = e.getCause(); cause != null && text.length() < 300; cause = cause.getCause()) {
            text.append(" <- ").append(cause);
        }
        return text.toString();
    }

    private void fail(String problem) {
        failures.incrementAndGet();
        firstFailure.compareAndSet("", problem.length() > 300 ? problem.substring(0, 300) : problem);
    }

    private double cpuMs(long ticks) {
        long scrapes = histogram.getTotalCount() + failures.get();
        return scrapes == 0 ? 0 : Math.round(ticks * 1000.0 / CpuTicks.PER_SECOND / scrapes * 100) / 100.0;
    }

    private static double ms(long micros) {
        return Math.round(micros / 10.0) / 100.0;
    }
}
