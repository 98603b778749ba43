package dev.perfplatform.jmx.internal.scrape;

import dev.perfplatform.jmx.config.TargetConfig;
import dev.perfplatform.jmx.model.MetricFamily;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/** Waits for each target's read until its own deadline, and keeps the cumulative error counts. */
final class TargetScrapes {
    private final LongSupplier nanoTime;
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();

    TargetScrapes(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    List<TargetOutcome> scrape(List<TargetScraper> scrapers, @Nullable Duration bound) {
        long start = nanoTime.getAsLong();
        List<Duration> budgets = new ArrayList<>(scrapers.size());
        List<CompletableFuture<List<MetricFamily>>> reads = new ArrayList<>(scrapers.size());
        for (TargetScraper scraper : scrapers) {
            Duration deadline = scraper.target().deadline();
            Duration budget = bound != null && bound.compareTo(deadline) < 0 ? bound : deadline;
            budgets.add(budget);
            reads.add(scraper.read(budget));
        }
        List<TargetOutcome> outcomes = new ArrayList<>(scrapers.size());
        for (int i = 0; i < scrapers.size(); i++) {
            outcomes.add(
                    await(scrapers.get(i).target(), reads.get(i), budgets.get(i).toNanos(), start));
        }
        return outcomes;
    }

    private TargetOutcome await(
            TargetConfig target, CompletableFuture<List<MetricFamily>> read, long budgetNanos, long start) {
        String error;
        long waited;
        try {
            long remaining = budgetNanos - (nanoTime.getAsLong() - start);
            List<MetricFamily> families = read.get(Math.max(0, remaining), TimeUnit.NANOSECONDS);
            return new TargetOutcome(target, families, null, seconds(nanoTime.getAsLong() - start), errors(target));
        } catch (TimeoutException e) {
            error = "no answer within " + Duration.ofNanos(budgetNanos);
            waited = budgetNanos;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            error = cause.toString();
            waited = nanoTime.getAsLong() - start;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
            waited = nanoTime.getAsLong() - start;
        }
        long total = incrementErrors(target);
        return new TargetOutcome(target, List.of(), error, seconds(waited), total);
    }

    private long errors(TargetConfig target) {
        AtomicLong count = errors.get(target.name());
        return count == null ? 0 : count.get();
    }

    private long incrementErrors(TargetConfig target) {
        return errors.computeIfAbsent(target.name(), name -> new AtomicLong()).incrementAndGet();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
