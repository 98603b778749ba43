package dev.perfplatform.fluxpay.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class BatchedDeletesTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final BatchedDeletes deletes = new BatchedDeletes(meters);

    @Test
    void repeatsFullBatchesUntilOneFallsShortAndCountsEveryRow() {
        Batches batches = new Batches(2, 2, 1);

        Long deleted = deletes.inBatches("sim_payments", 2, batches::next).block();

        assertThat(deleted).isEqualTo(5);
        assertThat(batches.taken).containsExactly(2L, 2L, 1L);
        assertThat(deleted("sim_payments")).isEqualTo(5);
    }

    @Test
    void anEmptyBatchAfterFullOnesEndsTheRun() {
        Batches batches = new Batches(2, 2, 0, 2);

        assertThat(deletes.inBatches("sim_payments", 2, batches::next).block()).isEqualTo(4);
        assertThat(batches.taken).containsExactly(2L, 2L, 0L);
    }

    @Test
    void nothingToDeleteTakesOneStatement() {
        Batches batches = new Batches(0, 2);

        assertThat(deletes.inBatches("sim_payments", 2, batches::next).block()).isZero();
        assertThat(batches.taken).containsExactly(0L);
        assertThat(deleted("sim_payments")).isZero();
    }

    @Test
    void countsAreKeptPerTable() {
        deletes.count("webhook_attempts", 3);
        deletes.count("webhook_deliveries", 1);
        deletes.count("webhook_attempts", 2);

        assertThat(deleted("webhook_attempts")).isEqualTo(5);
        assertThat(deleted("webhook_deliveries")).isEqualTo(1);
        assertThat(meters.get("fluxpay.retention.deleted").counter().getId().getDescription())
                .isNotBlank();
    }

    private double deleted(String table) {
        return meters.get("fluxpay.retention.deleted")
                .tag("table", table)
                .counter()
                .count();
    }

    /** Batches that delete the given numbers of rows in turn, recording each one run. */
    private static final class Batches {
        private final Deque<Long> rows = new ArrayDeque<>();
        private final List<Long> taken = new ArrayList<>();

        Batches(long... rows) {
            for (long row : rows) {
                this.rows.add(row);
            }
        }

        Mono<Long> next() {
            return Mono.fromSupplier(() -> {
                long batch = rows.isEmpty() ? 0 : rows.poll();
                taken.add(batch);
                return batch;
            });
        }
    }
}
