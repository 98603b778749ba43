package dev.perfplatform.payment.client.micrometer;

import dev.perfplatform.payment.client.CallOutcome;
import dev.perfplatform.payment.client.ClientListener;
import dev.perfplatform.payment.client.RetryReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link ClientListener} recording the client's meters in a Micrometer {@link MeterRegistry}:
 *
 * <ul>
 *   <li>{@code payment.client.requests} — timer per logical call (retries and backoff included), tags {@code
 *       operation} (e.g. {@code payments.confirm}) and {@code outcome} ({@code success}, {@code client_error},
 *       {@code server_error}, {@code transport_error}, {@code unknown});
 *   <li>{@code payment.client.retries} — counter, tags {@code operation} and {@code reason} ({@code connection},
 *       {@code in_progress}, {@code rate_limited}, {@code server_error}).
 * </ul>
 *
 * <p>Tags never hold a URL, id or key.
 *
 * <pre>{@code
 * FluxPayClient client = FluxPayClient.builder()...listener(FluxPayClientMetrics.listener(registry)).build();
 * }</pre>
 */
public final class FluxPayClientMetrics implements ClientListener {

    /** Name of the per-call timer. */
    public static final String REQUESTS = "payment.client.requests";

    /** Name of the retry counter. */
    public static final String RETRIES = "payment.client.retries";

    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    private FluxPayClientMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A listener recording into {@code registry}. */
    public static FluxPayClientMetrics listener(MeterRegistry registry) {
        return new FluxPayClientMetrics(Objects.requireNonNull(registry, "registry"));
    }

    @Override
    public void callCompleted(String operation, CallOutcome outcome, Duration duration) {
        timers.computeIfAbsent(
                        operation + ' ' + outcome.tag(),
                        key -> Timer.builder(REQUESTS)
                                .description(
                                        "FluxPay API calls, from the first attempt to the answer, retries included")
                                .tag("operation", operation)
                                .tag("outcome", outcome.tag())
                                .register(registry))
                .record(duration);
    }

    @Override
    public void retrying(String operation, RetryReason reason, int retry, Duration delay) {
        counters.computeIfAbsent(
                        operation + ' ' + reason.tag(),
                        key -> Counter.builder(RETRIES)
                                .description("Retries of FluxPay API calls by the client")
                                .baseUnit("retries")
                                .tag("operation", operation)
                                .tag("reason", reason.tag())
                                .register(registry))
                .increment();
    }
}
