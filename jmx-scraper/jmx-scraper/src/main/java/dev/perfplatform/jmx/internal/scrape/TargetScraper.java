package dev.perfplatform.jmx.internal.scrape;

import dev.perfplatform.jmx.AttributeSource;
import dev.perfplatform.jmx.MetricMapper;
import dev.perfplatform.jmx.config.TargetConfig;
import dev.perfplatform.jmx.model.JmxAttribute;
import dev.perfplatform.jmx.model.MatchTrace;
import dev.perfplatform.jmx.model.MetricFamily;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One target's reader and rules, with single-flight reads: scrapes that overlap share the read in progress instead
 * of queueing another.
 */
final class TargetScraper implements AutoCloseable {

    private final TargetConfig target;
    private final AttributeSource source;
    private final MetricMapper mapper;
    private final Executor executor;
    private final AtomicReference<CompletableFuture<List<MetricFamily>>> inFlight = new AtomicReference<>();

    TargetScraper(TargetConfig target, AttributeSource source, MetricMapper mapper, Executor executor) {
        this.target = target;
        this.source = source;
        this.mapper = mapper;
        this.executor = executor;
    }

    TargetConfig target() {
        return target;
    }

    /**
     * The read in progress, or a new one on the pool; it completes with the mapped families or fails with the
     * read's error.
     */
    CompletableFuture<List<MetricFamily>> read(Duration deadline) {
        while (true) {
            CompletableFuture<List<MetricFamily>> current = inFlight.get();
            if (current != null) {
                return current;
            }
            CompletableFuture<List<MetricFamily>> started = new CompletableFuture<>();
            if (inFlight.compareAndSet(null, started)) {
                start(started, deadline);
                return started;
            }
        }
    }

    private void start(CompletableFuture<List<MetricFamily>> result, Duration deadline) {
        try {
            executor.execute(() -> {
                try {
                    result.complete(mapper.map(source.read(deadline)));
                } catch (IOException | RuntimeException e) {
                    result.completeExceptionally(e);
                } finally {
                    inFlight.compareAndSet(result, null);
                }
            });
        } catch (RejectedExecutionException e) {
            inFlight.compareAndSet(result, null);
            result.completeExceptionally(e);
        }
    }

    /** Reads the target on the calling thread and traces how the rules treat each attribute. */
    List<MatchTrace> trace(Duration deadline) throws IOException {
        List<JmxAttribute> attributes = source.read(deadline);
        return mapper.trace(attributes);
    }

    @Override
    public void close() {
        source.close();
    }
}
