package dev.perfplatform.fluxpay.idempotency;

import dev.perfplatform.fluxpay.Sha256;
import dev.perfplatform.fluxpay.api.ApiException;
import dev.perfplatform.fluxpay.api.ApiResponses;
import dev.perfplatform.fluxpay.api.ErrorCode;
import dev.perfplatform.fluxpay.api.RenderedResponse;
import dev.perfplatform.fluxpay.api.RequestBodies;
import dev.perfplatform.fluxpay.idempotency.IdempotencyRecords.Scope;
import java.util.UUID;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
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
            return claim(scope, endpoint, fingerprint, token, 0)
                    .flatMap(claim -> claim.response() != null
                            ? Mono.just(claim.response().toEntity(true))
                            : run(new KeySteps(scope, token, claim.recoveryPoint()), work)
                                    .map(answer -> answer.toEntity(false)))
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

    /** Claims the key, or finds the answer to replay; {@code attempt} bounds the retries after a lost race. */
    private Mono<Claim> claim(Scope scope, String endpoint, byte[] fingerprint, UUID token, int attempt) {
        if (attempt > 3) {
            return Mono.error(new ApiException(ErrorCode.VAL_005));
        }
        return records.insert(scope, endpoint, fingerprint, token, settings.lease())
                .flatMap(inserted -> inserted
                        ? Mono.just(Claim.owned(IdempotentWork.Steps.STARTED))
                        : records.find(scope, settings.retention())
                                .flatMap(existing -> {
                                    if (existing.expired()) {
                                        return records.deleteExpired(scope, settings.retention())
                                                .then(claim(scope, endpoint, fingerprint, token, attempt + 1));
                                    }
                                    if (!existing.sameRequest(endpoint, fingerprint)) {
                                        return Mono.error(new ApiException(ErrorCode.VAL_004));
                                    }
                                    RenderedResponse stored = existing.response();
                                    if (stored != null) {
                                        return Mono.just(new Claim(stored, ""));
                                    }
                                    if (existing.leased()) {
                                        return Mono.error(new ApiException(ErrorCode.VAL_005));
                                    }
                                    return records.takeOver(scope, token, settings.lease())
                                            .map(point -> Claim.owned(point))
                                            .switchIfEmpty(Mono.defer(
                                                    () -> claim(scope, endpoint, fingerprint, token, attempt + 1)));
                                })
                                // deleted between the insert and the read: try again
                                .switchIfEmpty(
                                        Mono.defer(() -> claim(scope, endpoint, fingerprint, token, attempt + 1))));
    }

    private Mono<RenderedResponse> run(KeySteps steps, IdempotentWork work) {
        return Mono.defer(() -> work.run(steps)).onErrorResume(failure -> {
            if (failure instanceof ApiException api && api.code() == ErrorCode.VAL_005) {
                return Mono.error(api);
            }
            if (failure instanceof ApiException api
                    && api.code().freesIdempotencyKey()
                    && steps.recoveryPoint().equals(IdempotentWork.Steps.STARTED)
                    && !steps.checkpointed) {
                return records.release(steps.scope, steps.token).then(Mono.error(api));
            }
            ApiException answer;
            if (failure instanceof ApiException api) {
                answer = api;
            } else {
                log.error("request failed; its 500 is stored for replay", failure);
                answer = new ApiException(ErrorCode.SYS_001);
            }
            return completeOrConflict(steps.scope, steps.token, responses.failure(answer));
        });
    }

    /** The steps of one holder of a key. */
    private final class KeySteps implements IdempotentWork.Steps {
        private final Scope scope;
        private final UUID token;
        private final String recoveryPoint;
        private volatile boolean checkpointed;

        KeySteps(Scope scope, UUID token, String recoveryPoint) {
            this.scope = scope;
            this.token = token;
            this.recoveryPoint = recoveryPoint;
        }

        @Override
        public String recoveryPoint() {
            return recoveryPoint;
        }

        @Override
        public UUID operationId() {
            return UUID.nameUUIDFromBytes(
                    (scope.merchantId() + "\n" + scope.key()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public <T> Mono<T> checkpoint(String point, Mono<T> step) {
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

    /** The outcome of claiming a key: owned from a recovery point, or an answer to replay. */
    private record Claim(@Nullable RenderedResponse response, String recoveryPoint) {
        static Claim owned(String recoveryPoint) {
            return new Claim(null, recoveryPoint);
        }
    }
}
