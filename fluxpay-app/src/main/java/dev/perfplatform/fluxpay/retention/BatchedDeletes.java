package dev.perfplatform.fluxpay.retention;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Runs a delete statement of at most {@code batchSize} rows again and again until one deletes fewer, so no statement
 * holds many locks or a long transaction, and counts the rows in {@code fluxpay.retention.deleted{table}}.
 *
 * <pre>{@code
 * deletes.inBatches("sim_payments", 1000, () -> deleteOldestSimPayments(1000))
 * }</pre>
 */
@Component
public class BatchedDeletes {

    private final MeterRegistry meters;
    private final Map<String, Counter> deleted = new ConcurrentHashMap<>();

    public BatchedDeletes(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Runs {@code batch} (which deletes at most {@code batchSize} rows of {@code table}) until it falls short. */
    public Mono<Long> inBatches(String table, int batchSize, Supplier<Mono<Long>> batch) {
        return Mono.defer(batch)
                .defaultIfEmpty(0L)
                .doOnNext(rows -> count(table, rows))
                .repeat()
                .takeUntil(rows -> rows < batchSize)
                .reduce(0L, Long::sum);
    }

    /** Counts {@code rows} deleted from {@code table}. */
    public void count(String table, long rows) {
        deleted.computeIfAbsent(
                        table,
                        name -> Counter.builder("fluxpay.retention.deleted")
                                .description("Rows deleted because they outlived their retention, by table")
                                .tag("table", name)
                                .register(meters))
                .increment((double) rows); // a batch count, far below 2^53
    }
}
