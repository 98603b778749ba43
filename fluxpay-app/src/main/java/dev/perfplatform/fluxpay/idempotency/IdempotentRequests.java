package dev.perfplatform.fluxpay.idempotency;

import dev.perfplatform.fluxpay.Sha256;
import dev.perfplatform.fluxpay.api.ApiException;
import dev.perfplatform.fluxpay.api.ApiResponses;
import dev.perfplatform.fluxpay.api.ErrorCode;
import dev.perfplatform.fluxpay.api.RenderedResponse;
import dev.perfplatform.fluxpay.api.RequestBodies;
import dev.perfplatform.fluxpay.idempotency.IdempotencyRecords.Lookup;
import dev.perfplatform.fluxpay.idempotency.IdempotencyRecords.Scope;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a mutating merchant request at most once per {@code Idempotency-Key}, scoped to the merchant.
 *
 * <ul>
 *   <li>The key's record is created first, with a lease; the request's work and the stored answer commit in one
 *       transaction, so a crash leaves either nothing or both.
 *   <li>The same key again: the stored answer, byte for byte, with {@code Idempotent-Replayed: true}; while the first
 *       runs, 409 {@code VAL_005}; with another endpoint or body, 422 {@code VAL_004}.
 *   <li>Invalid input ({@code VAL_001}) and passing conflicts store nothing ({@link ErrorCode#freesIdempotencyKey()}),
 *       so the caller can retry under the same key; other errors, 5xx included, are stored and replayed.
 *   <li>An attempt whose lease ran out can be taken over; the late holder can then no longer commit.
 *   <li>With Redis configured, {@link InFlightKeys} answers concurrent duplicates first; PostgreSQL still decides.
 *   <li>Once started, a request runs to its end even when its client hangs up, and its answer is stored.
 * </ul>
 */
@Service
public class IdempotentRequests {

    /** The request header carrying the key. */
    public static final String HEADER = "Idempotency-Key";

    static final int MAX_KEY_LENGTH = 255;

    /** How many times a claim that lost a race starts over before answering 409 {@code VAL_005}. */
    static final int MAX_RETRIES = 3;

    private static final Logger log = LoggerFactory.getLogger(IdempotentRequests.class);

    private final IdempotencyRecords records;
    private final TransactionalOperator transactions;
    private final ApiResponses responses;
    private final RequestBodies bodies;
    private final IdempotencySettings settings;
    private final InFlightKeys inFlight;

    IdempotentRequests(
            IdempotencyRecords records,
            TransactionalOperator transactions,
            ApiResponses responses,
            RequestBodies bodies,
            IdempotencySettings settings,
            InFlightKeys inFlight) {
        this.inFlight = inFlight;
        this.records = records;
        this.bodies = bodies;
        this.transactions = transactions;
        this.responses = responses;
        this.settings = settings;
    }

    /**
     * Answers the request: a replay, or {@code work}, whose steps commit together with the key's progress.
     *
     * @param endpoint the operation, e.g. {@code POST /orders}; a key is bound to one endpoint
     * @param body the raw request body, fingerprinted as sent
     */
    public Mono<ResponseEntity<byte[]>> execute(
            UUID merchantId, @Nullable String key, String endpoint, byte[] body, IdempotentWork work) {
        if (key == null || key.isBlank()) {
            return Mono.error(new ApiException(ErrorCode.VAL_002));
        }
        if (key.length() > MAX_KEY_LENGTH) {
            return Mono.error(new ApiException(ErrorCode.VAL_003));
        }
        Scope scope = new Scope(merchantId, key);
        byte[] fingerprint = Sha256.of(body);
        UUID token = UUID.randomUUID();
        Mono<ResponseEntity<byte[]>> request = inFlight.enter(scope).flatMap(marker -> {
            if (marker == InFlightKeys.Marker.HELD_ELSEWHERE) {
                return Mono.error(new ApiException(ErrorCode.VAL_005));
            }
            return claim(scope, endpoint, fingerprint, token)
                    .flatMap(claim -> claim.answer(from -> run(new KeySteps(scope, token, from), work)))
                    // the marker goes before the answer does, so a replay after it never meets the marker
                    .flatMap(answer -> inFlight.leave(scope, marker).thenReturn(answer))
                    .onErrorResume(failure -> inFlight.leave(scope, marker).then(Mono.error(failure)));
        });
        return runToTheEnd(request);
    }

    /**
     * Runs {@code work} to its end even if the caller goes away: a client hanging up must not cut a request between
     * its claim and its stored answer (the retry would find the key leased and then resume from a recovery point
     * instead of replaying), nor cancel a transaction mid-way. The answer then waits, stored, for the retry.
     */
    private static <T> Mono<T> runToTheEnd(Mono<T> work) {
        return Mono.defer(() -> Mono.fromFuture(work.toFuture(), true));
    }

    /**
     * Answers a request with a JSON body: the body is fingerprinted as sent, then read strictly as {@code type} (a
     * {@code VAL_001} leaves the key free) and handed to {@code work}.
     */
    public <T> Mono<ResponseEntity<byte[]>> execute(
            UUID merchantId,
            @Nullable String key,
            String endpoint,
            byte @Nullable [] body,
            Class<T> type,
            BiFunction<T, IdempotentWork.Steps, Mono<RenderedResponse>> work) {
        byte[] raw = body == null ? new byte[0] : body;
        return execute(
                merchantId, key, endpoint, raw, steps -> Mono.defer(() -> work.apply(bodies.read(raw, type), steps)));
    }

    /**
     * Claims the key, or finds the answer to replay. Each attempt inserts a fresh record; when the key already has
     * one, it reads it with the database's clock, decides ({@link ClaimDecision}) and acts. An attempt that lost a race
     * (the record went, expired, or was taken over first) ends empty and the next starts over; after
     * {@value #MAX_RETRIES} retries, 409 {@code VAL_005}.
     */
    private Mono<Claim> claim(Scope scope, String endpoint, byte[] fingerprint, UUID token) {
        return Flux.range(0, 1 + MAX_RETRIES)
                .concatMap(attempt -> attempt(scope, endpoint, fingerprint, token))
                .next()
                .switchIfEmpty(Mono.error(() -> new ApiException(ErrorCode.VAL_005)));
    }

    /** One attempt at a claim: the claim, or empty to start over. */
    private Mono<Claim> attempt(Scope scope, String endpoint, byte[] fingerprint, UUID token) {
        return records.insert(scope, endpoint, fingerprint, token, settings.lease())
                .flatMap(inserted -> inserted
                        ? Mono.just(Claim.owned(RecoveryPoint.STARTED))
                        : records.find(scope).flatMap(found -> act(found, endpoint, fingerprint, scope, token)));
    }

    /** Acts on what the key's record comes to: a claim, an error, or empty to start over. */
    private Mono<Claim> act(Lookup found, String endpoint, byte[] fingerprint, Scope scope, UUID token) {
        Duration retention = settings.retention();
        return switch (ClaimDecision.decide(found.existing(), endpoint, fingerprint, found.now(), retention)) {
            case FRESH -> Mono.empty(); // gone between the insert and the read: insert again
            case REPLAY -> Mono.just(Claim.replay(found.storedAnswer()));
            case MISMATCH -> Mono.error(new ApiException(ErrorCode.VAL_004));
            case IN_FLIGHT -> Mono.error(new ApiException(ErrorCode.VAL_005));
            // empty when another attempt took it over or finished it first
            case TAKE_OVER -> records.takeOver(scope, token, settings.lease()).map(Claim::owned);
            case EXPIRED -> records.deleteExpired(scope, retention).then(Mono.empty());
        };
    }

    /** Runs the work; a failure is passed on, frees the key, or is stored, as {@link FailureDecision} says. */
    private Mono<RenderedResponse> run(KeySteps steps, IdempotentWork work) {
        return Mono.defer(() -> work.run(steps)).onErrorResume(failure -> {
            FailureDecision decision = FailureDecision.decide(failure, steps.recoveryPoint, steps.checkpointed);
            return switch (decision.action()) {
                case RETHROW -> Mono.error(decision.error());
                case RELEASE_KEY -> records.release(steps.scope, steps.token).then(Mono.error(decision.error()));
                case STORE_ANSWER -> completeOrConflict(steps.scope, steps.token, responses.failure(decision.error()));
                case STORE_SERVER_ERROR -> {
                    log.error("request failed; its 500 is stored for replay", failure);
                    yield completeOrConflict(steps.scope, steps.token, responses.failure(decision.error()));
                }
            };
        });
    }

    /** The steps of one holder of a key. */
    private final class KeySteps implements IdempotentWork.Steps {
        private final Scope scope;
        private final UUID token;
        private final RecoveryPoint recoveryPoint;
        private volatile boolean checkpointed;

        KeySteps(Scope scope, UUID token, RecoveryPoint recoveryPoint) {
            this.scope = scope;
            this.token = token;
            this.recoveryPoint = recoveryPoint;
        }

        @Override
        public RecoveryPoint recoveryPoint() {
            return recoveryPoint;
        }

        @Override
        public UUID operationId() {
            return UUID.nameUUIDFromBytes(
                    (scope.merchantId() + "\n" + scope.key()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public <T> Mono<T> checkpoint(RecoveryPoint point, Mono<T> step) {
            Mono<T> committed = step.flatMap(result -> records.checkpoint(scope, token, point, settings.lease())
                    .flatMap(held -> {
                        if (!held) {
                            return Mono.<T>error(lostKey());
                        }
                        checkpointed = true;
                        return Mono.just(result);
                    }));
            return transactions.transactional(committed);
        }

        @Override
        public Mono<RenderedResponse> finish(Mono<RenderedResponse> step) {
            return transactions.transactional(step.flatMap(answer -> completeOrConflict(scope, token, answer)));
        }
    }

    private Mono<RenderedResponse> completeOrConflict(Scope scope, UUID token, RenderedResponse answer) {
        return records.complete(scope, token, answer)
                .flatMap(completed -> completed ? Mono.just(answer) : Mono.error(lostKey()));
    }

    private static ApiException lostKey() {
        return new ApiException(ErrorCode.VAL_005, "Another attempt with this Idempotency-Key took over");
    }

    /** The outcome of claiming a key: an answer to replay, or the key owned from a recovery point. */
    @FunctionalInterface
    private interface Claim {

        /** The response: the stored answer replayed, or the answer of {@code run} from the point the key is owned. */
        Mono<ResponseEntity<byte[]>> answer(Function<RecoveryPoint, Mono<RenderedResponse>> run);

        static Claim owned(RecoveryPoint from) {
            return run -> run.apply(from).map(answer -> answer.toEntity(false));
        }

        static Claim replay(RenderedResponse stored) {
            return run -> Mono.just(stored.toEntity(true));
        }
    }
}
