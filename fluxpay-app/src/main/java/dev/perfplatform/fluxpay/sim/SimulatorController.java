package dev.perfplatform.fluxpay.sim;

import dev.perfplatform.fluxpay.pg.PgMode;
import dev.perfplatform.fluxpay.pg.TossPaymentStatus;
import dev.perfplatform.fluxpay.pg.TossSettings;
import dev.perfplatform.fluxpay.sim.SimulatedPayments.SimAnswer;
import dev.perfplatform.fluxpay.sim.SimulatedPayments.SimPayment;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The PG simulator: a checkout that hands out a {@code paymentKey} bound to the payer's chosen {@link Scenario}, and
 * the TossPayments v1 calls the adapter makes (confirm, look-ups), with Toss's Basic auth, Idempotency-Key semantics
 * (scope = key + method + URL, body not compared, 409 while in flight) and error shapes; its Payment objects carry a
 * random per-payment {@code secret}, as Toss's do. Every change of a payment's status is followed by Toss's webhooks
 * ({@link SimulatorWebhooks}), sent when the answer leaves.
 */
@RestController
@RequestMapping("/sim")
@Conditional(PgMode.SimulatorSelected.class)
public class SimulatorController {

    private final SimulatedPayments payments;
    private final SimulatorSettings settings;
    private final byte[] expectedAuthorization;
    private final JsonMapper json;
    private final SimulatorWebhooks webhooks;
    private final CheckoutGuard guard;

    public SimulatorController(
            SimulatedPayments payments,
            CheckoutGuard guard,
            SimulatorSettings settings,
            TossSettings toss,
            JsonMapper json,
            SimulatorWebhooks webhooks) {
        this.payments = payments;
        this.guard = guard;
        this.webhooks = webhooks;
        this.settings = settings;
        this.expectedAuthorization = ("Basic "
                        + Base64.getEncoder()
                                .encodeToString((toss.effectiveSecretKey() + ":").getBytes(StandardCharsets.UTF_8)))
                .getBytes(StandardCharsets.UTF_8);
        this.json = json;
    }

    /**
     * The payer's checkout: {@code {orderId, amount, scenario}} → {@code {paymentKey, orderId, amount}}, where {@code
     * orderId} is a READY payment's id (TossPayments' name for it) and {@code amount} the payment's; a payment is
     * checked out once ({@link CheckoutGuard}).
     */
    @PostMapping("/checkout")
    public Mono<ResponseEntity<String>> checkout(@RequestBody Checkout checkout) {
        String orderId = checkout.orderId();
        Long amount = checkout.amount();
        if (orderId == null || amount == null || amount <= 0) {
            return Mono.just(error(400, "INVALID_REQUEST", "orderId and a positive amount are required"));
        }
        Scenario scenario = checkout.scenario() == null ? Scenario.APPROVE : checkout.scenario();
        String paymentKey = "sim_" + UUID.randomUUID().toString().replace("-", "");
        String secret = "ps_" + UUID.randomUUID().toString().replace("-", "");
        return guard.check(orderId, amount)
                .map(refusal -> error(refusal.status(), refusal.code(), refusal.message()))
                .switchIfEmpty(Mono.defer(() -> payments.create(paymentKey, orderId, amount, scenario, secret)
                        .map(created -> answer(
                                200,
                                Map.of(
                                        "paymentKey",
                                        paymentKey,
                                        "orderId",
                                        created.orderId(),
                                        "amount",
                                        created.amount())))
                        .defaultIfEmpty(error(
                                400,
                                "DUPLICATED_ORDER_ID",
                                "payment " + orderId + " was already checked out: confirm it with the paymentKey"
                                        + " that checkout returned"))));
    }

    @PostMapping("/v1/payments/confirm")
    public Mono<ResponseEntity<String>> confirm(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @RequestBody Confirm confirm) {
        if (!authorized(authorization)) {
            return Mono.just(error(401, "UNAUTHORIZED_KEY", "unknown secret key"));
        }
        return withIdempotency(key, "POST /v1/payments/confirm", Mono.defer(() -> doConfirm(confirm)));
    }

    @PostMapping("/v1/payments/{paymentKey}/cancel")
    public Mono<ResponseEntity<String>> cancel(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @PathVariable String paymentKey,
            @RequestBody Cancel cancel) {
        if (!authorized(authorization)) {
            return Mono.just(error(401, "UNAUTHORIZED_KEY", "unknown secret key"));
        }
        return withIdempotency(
                key, "POST /v1/payments/" + paymentKey + "/cancel", Mono.defer(() -> doCancel(paymentKey, cancel)));
    }

    /**
     * Toss's Idempotency-Key: the first request's answer is stored and replayed for the same key, method and URL (the
     * body is not compared); a duplicate while the first runs gets 409; a 5xx is not stored.
     */
    private Mono<ResponseEntity<String>> withIdempotency(@Nullable String key, String route, Mono<Outcome> work) {
        if (key == null) {
            return work.flatMap(this::deliver);
        }
        String scope = key + " " + route;
        return payments.claimKey(scope).flatMap(claimed -> {
            if (!claimed) {
                return payments.storedAnswer(scope)
                        .map(stored -> stored.status() == 0
                                ? error(409, "IDEMPOTENT_REQUEST_PROCESSING", "the first request is still processing")
                                : toEntity(stored));
            }
            return work.flatMap(outcome -> {
                if (outcome.answer().status() >= 500) {
                    return payments.forgetKey(scope).then(deliver(outcome));
                }
                return payments.storeAnswer(scope, outcome.answer()).then(deliver(outcome));
            });
        });
    }

    @GetMapping("/v1/payments/{paymentKey}")
    public Mono<ResponseEntity<String>> payment(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @PathVariable String paymentKey) {
        if (!authorized(authorization)) {
            return Mono.just(error(401, "UNAUTHORIZED_KEY", "unknown secret key"));
        }
        return payments.find(paymentKey)
                .map(found -> answer(200, view(found)))
                .defaultIfEmpty(error(404, "NOT_FOUND_PAYMENT", "no such payment"));
    }

    @GetMapping("/v1/payments/orders/{orderId}")
    public Mono<ResponseEntity<String>> paymentByOrder(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @PathVariable String orderId) {
        if (!authorized(authorization)) {
            return Mono.just(error(401, "UNAUTHORIZED_KEY", "unknown secret key"));
        }
        return payments.findByOrder(orderId)
                .map(found -> answer(200, view(found)))
                .defaultIfEmpty(error(404, "NOT_FOUND_PAYMENT", "no such payment"));
    }

    private Mono<Outcome> doConfirm(Confirm confirm) {
        if (confirm.paymentKey() == null || confirm.orderId() == null || confirm.amount() == null) {
            return Mono.just(new Outcome(body(400, "INVALID_REQUEST", "paymentKey, orderId and amount are required")));
        }
        long amount = confirm.amount();
        String orderId = confirm.orderId();
        return payments.find(confirm.paymentKey())
                .flatMap(found -> {
                    if (!found.orderId().equals(orderId) || found.amount() != amount) {
                        return Mono.just(new Outcome(body(400, "INVALID_REQUEST", "orderId or amount differ")));
                    }
                    if (found.status() != TossPaymentStatus.IN_PROGRESS) {
                        return Mono.just(
                                new Outcome(body(400, "ALREADY_PROCESSED_PAYMENT", "payment is " + found.status())));
                    }
                    return switch (found.scenario()) {
                        case ERROR ->
                            Mono.just(new Outcome(
                                    body(500, "FAILED_INTERNAL_SYSTEM_PROCESSING", "simulated internal error")));
                        case DECLINE ->
                            payments.settle(found.paymentKey(), TossPaymentStatus.ABORTED)
                                    .doOnNext(aborted -> statusChanged(aborted, Duration.ZERO))
                                    .thenReturn(
                                            new Outcome(body(403, "REJECT_CARD_PAYMENT", "the card company refused")));
                        case APPROVE, SLOW, TIMEOUT_AFTER_COMMIT ->
                            payments.settle(found.paymentKey(), TossPaymentStatus.DONE)
                                    .doOnNext(done -> statusChanged(done, delay(found.scenario())))
                                    .map(done -> new Outcome(
                                            new SimAnswer(200, json.writeValueAsString(view(done))),
                                            delay(found.scenario())));
                    };
                })
                .defaultIfEmpty(new Outcome(body(404, "NOT_FOUND_PAYMENT", "no such payment")));
    }

    private Mono<Outcome> doCancel(String paymentKey, Cancel cancel) {
        String reason = cancel.cancelReason();
        if (reason == null || reason.isBlank()) {
            return Mono.just(new Outcome(body(400, "INVALID_REQUEST", "cancelReason is required")));
        }
        return payments.find(paymentKey)
                .flatMap(found -> {
                    if (found.status() == TossPaymentStatus.CANCELED) {
                        return Mono.just(new Outcome(body(400, "ALREADY_CANCELED_PAYMENT", "already cancelled")));
                    }
                    if (found.status() != TossPaymentStatus.DONE
                            && found.status() != TossPaymentStatus.PARTIAL_CANCELED) {
                        return Mono.just(
                                new Outcome(body(403, "NOT_CANCELABLE_PAYMENT", "payment is " + found.status())));
                    }
                    Long refundable = cancel.refundableAmount();
                    if (refundable != null && refundable != found.balanceAmount()) {
                        return Mono.just(new Outcome(
                                body(400, "NOT_MATCHES_REFUNDABLE_AMOUNT", "balance is " + found.balanceAmount())));
                    }
                    long amount = cancel.cancelAmount() == null ? found.balanceAmount() : cancel.cancelAmount();
                    return payments.cancel(paymentKey, amount)
                            .doOnNext(canceled -> {
                                statusChanged(canceled, delay(found.scenario()));
                                webhooks.send(
                                        SimulatorWebhooks.CANCEL_STATUS_CHANGED,
                                        cancelView(canceled, amount, reason),
                                        delay(found.scenario()));
                            })
                            .map(canceled -> new Outcome(
                                    new SimAnswer(200, json.writeValueAsString(view(canceled))),
                                    delay(found.scenario())))
                            .defaultIfEmpty(new Outcome(
                                    body(403, "NOT_CANCELABLE_AMOUNT", "more than the balance, or not cancelable")));
                })
                .defaultIfEmpty(new Outcome(body(404, "NOT_FOUND_PAYMENT", "no such payment")));
    }

    private Duration delay(Scenario scenario) {
        return switch (scenario) {
            case SLOW -> settings.slowDelay();
            case TIMEOUT_AFTER_COMMIT -> settings.timeoutDelay();
            default -> Duration.ZERO;
        };
    }

    private Mono<ResponseEntity<String>> deliver(Outcome outcome) {
        Mono<ResponseEntity<String>> entity = Mono.just(toEntity(outcome.answer()));
        return outcome.delay().isZero() ? entity : entity.delayElement(outcome.delay());
    }

    private void statusChanged(SimPayment payment, Duration after) {
        webhooks.send(SimulatorWebhooks.PAYMENT_STATUS_CHANGED, view(payment), after);
    }

    /** Toss's Cancel object, with the payment's ids so the receiver can look the payment up. */
    private static Map<String, Object> cancelView(SimPayment payment, long amount, String reason) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("paymentKey", payment.paymentKey());
        view.put("orderId", payment.orderId());
        view.put("transactionKey", "sim_tx_" + UUID.randomUUID().toString().replace("-", ""));
        view.put("cancelAmount", amount);
        view.put("cancelReason", reason);
        view.put("refundableAmount", payment.balanceAmount());
        view.put("cancelStatus", "DONE");
        view.put("canceledAt", OffsetDateTime.now(SimulatorWebhooks.KST).toString());
        return view;
    }

    private Map<String, Object> view(SimPayment payment) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("paymentKey", payment.paymentKey());
        view.put("orderId", payment.orderId());
        view.put("status", payment.status().name());
        view.put("method", "CARD");
        view.put("totalAmount", payment.amount());
        view.put("balanceAmount", payment.balanceAmount());
        view.put(
                "approvedAt",
                payment.approvedAt() == null ? null : payment.approvedAt().toString());
        if (payment.status() == TossPaymentStatus.ABORTED) {
            view.put("failure", Map.of("code", "REJECT_CARD_PAYMENT", "message", "the card company refused"));
        }
        view.put("secret", payment.secret());
        return view;
    }

    private boolean authorized(@Nullable String authorization) {
        return authorization != null
                && MessageDigest.isEqual(authorization.getBytes(StandardCharsets.UTF_8), expectedAuthorization);
    }

    private SimAnswer body(int status, String code, String message) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        return new SimAnswer(status, json.writeValueAsString(error));
    }

    private ResponseEntity<String> error(int status, String code, String message) {
        return toEntity(body(status, code, message));
    }

    private ResponseEntity<String> answer(int status, Object body) {
        return toEntity(new SimAnswer(status, json.writeValueAsString(body)));
    }

    private static ResponseEntity<String> toEntity(SimAnswer answer) {
        return ResponseEntity.status(answer.status())
                .contentType(MediaType.APPLICATION_JSON)
                .body(answer.body());
    }

    /** A checkout request. */
    public record Checkout(
            @Nullable String orderId,
            @Nullable Long amount,
            @Nullable Scenario scenario) {}

    /** Toss's cancel body. */
    public record Cancel(
            @Nullable String cancelReason,
            @Nullable Long cancelAmount,
            @Nullable Long refundableAmount) {}

    /** Toss's confirm body. */
    public record Confirm(
            @Nullable String paymentKey,
            @Nullable String orderId,
            @Nullable Long amount) {}

    /** An answer and how long to hold it back. */
    private record Outcome(SimAnswer answer, Duration delay) {
        Outcome(SimAnswer answer) {
            this(answer, Duration.ZERO);
        }
    }
}
