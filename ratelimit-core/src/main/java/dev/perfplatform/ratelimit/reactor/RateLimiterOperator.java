package dev.perfplatform.ratelimit.reactor;

import dev.perfplatform.ratelimit.Decision;
import dev.perfplatform.ratelimit.RateLimitExceededException;
import dev.perfplatform.ratelimit.RateLimiter;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Limits a {@code Mono} or {@code Flux} with a {@link RateLimiter}: each subscription asks for permits first and
 * subscribes upstream only when admitted. Apply it with {@code transformDeferred}:
 *
 * <pre>{@code
 * Mono<Response> call = webClient.get().uri("/v1/chat").retrieve().bodyToMono(Response.class)
 *         .transformDeferred(RateLimiterOperator.of(limiter, "openai"));             // fail when denied
 * Flux<Row> rows = repository.findAll()
 *         .transformDeferred(RateLimiterOperator.of(limiter, "db-export", 3));        // 3 permits per subscription
 * Mono<Response> patient = call
 *         .transformDeferred(RateLimiterOperator.of(limiter, "openai").waitingUpTo(Duration.ofMillis(500)));
 * }</pre>
 *
 * <ul>
 *   <li>Each subscription calls {@link RateLimiter#acquireAsync(String, long)} once, never blocking a thread. A
 *       {@code Flux} costs its permits once per subscription, not per element; {@code repeat} and {@code retry}
 *       subscribe again and so ask again.
 *   <li>Denied: the subscriber gets a {@link RateLimitExceededException} carrying the denial, and upstream is not
 *       subscribed. Shadow-mode and fail-open decisions are admissions. Errors of the limiter itself (bad arguments,
 *       a failed store call) are signalled as they are.
 *   <li>With {@link #waitingUpTo(Duration)}: while denied, waits for the announced retry time on a Reactor timer
 *       ({@code Schedulers.parallel()}, so virtual time applies in tests) and asks again, as long as the total wait
 *       stays within the bound. Waiters are not queued fairly.
 *   <li>Cancelling before the decision arrives never subscribes upstream; a permit the store already granted is
 *       not given back.
 * </ul>
 *
 * @param <T> the type of the elements passing through
 */
public final class RateLimiterOperator<T> implements UnaryOperator<Publisher<T>> {

    private static final Duration FOREVER = Duration.ofNanos(Long.MAX_VALUE);

    private final RateLimiter limiter;
    private final String key;
    private final long permits;
    private final long maxWaitNanos;

    private RateLimiterOperator(RateLimiter limiter, String key, long permits, long maxWaitNanos) {
        this.limiter = limiter;
        this.key = key;
        this.permits = permits;
        this.maxWaitNanos = maxWaitNanos;
    }

    /** An operator asking {@code limiter} for one permit for {@code key} per subscription, failing when denied. */
    public static <T> RateLimiterOperator<T> of(RateLimiter limiter, String key) {
        return of(limiter, key, 1);
    }

    /**
     * An operator asking {@code limiter} for {@code permits} permits for {@code key} per subscription, failing when
     * denied. The arguments are checked now, against the limiter's policy.
     */
    public static <T> RateLimiterOperator<T> of(RateLimiter limiter, String key, long permits) {
        Objects.requireNonNull(limiter, "limiter");
        Objects.requireNonNull(key, "key");
        limiter.policy().checkRequest(key, permits);
        return new RateLimiterOperator<>(limiter, key, permits, 0);
    }

    /**
     * This operator, but waiting while denied for at most {@code maxWait} in all per subscription (zero: never wait)
     * before failing with the last denial. The element type is inferred again, so the call chains inline: {@code
     * mono.transformDeferred(RateLimiterOperator.of(limiter, key).waitingUpTo(maxWait))}.
     *
     * @param <R> the type of the elements passing through
     */
    public <R> RateLimiterOperator<R> waitingUpTo(Duration maxWait) {
        Objects.requireNonNull(maxWait, "maxWait");
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must not be negative but was " + maxWait);
        }
        long nanos = maxWait.compareTo(FOREVER) >= 0 ? Long.MAX_VALUE : maxWait.toNanos();
        return new RateLimiterOperator<>(limiter, key, permits, nanos);
    }

    @Override
    public Publisher<T> apply(Publisher<T> upstream) {
        Mono<Decision> admission = Mono.defer(() -> {
            Scheduler timer = Schedulers.parallel();
            return admit(timer, timer.now(TimeUnit.NANOSECONDS));
        });
        if (upstream instanceof Mono<T> mono) {
            return admission.then(mono);
        }
        return admission.thenMany(upstream);
    }

    private Mono<Decision> admit(Scheduler timer, long startNanos) {
        return Mono.fromCompletionStage(() -> limiter.acquireAsync(key, permits))
                .single()
                .flatMap(decision -> {
                    if (decision.isAllowed()) {
                        return Mono.just(decision);
                    }
                    Duration wait = decision.retryAfter();
                    long elapsed = timer.now(TimeUnit.NANOSECONDS) - startNanos;
                    if (maxWaitNanos == 0 || wait.toNanos() > maxWaitNanos - elapsed) {
                        return Mono.error(new RateLimitExceededException(decision));
                    }
                    return Mono.delay(wait, timer).then(admit(timer, startNanos));
                });
    }

    @Override
    public String toString() {
        return "RateLimiterOperator[" + limiter.policy().name() + ", permits=" + permits + ", maxWait="
                + Duration.ofNanos(maxWaitNanos) + "]";
    }
}
