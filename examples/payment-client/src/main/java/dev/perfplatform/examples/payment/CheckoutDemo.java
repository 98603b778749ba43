package dev.perfplatform.examples.payment;

import dev.perfplatform.payment.client.FluxPayApiException;
import dev.perfplatform.payment.client.FluxPayClient;
import dev.perfplatform.payment.client.FluxPayTransportException;
import dev.perfplatform.payment.client.Outcome;
import dev.perfplatform.payment.client.RequestOptions;
import dev.perfplatform.payment.client.model.ConfirmPaymentRequest;
import dev.perfplatform.payment.client.model.CreateOrderRequest;
import dev.perfplatform.payment.client.model.CreatePaymentRequest;
import dev.perfplatform.payment.client.model.CreateRefundRequest;
import dev.perfplatform.payment.client.model.LineItem;
import dev.perfplatform.payment.client.model.Payment;
import dev.perfplatform.payment.client.model.Refund;
import java.util.Currency;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The merchant's side of a payment, one call each: create an order, create its payment, let the payer check out,
 * confirm; and a partial refund. The client's {@code *Async} methods never hold a WebFlux thread while FluxPay
 * answers.
 */
@RestController
class CheckoutDemo {

    private static final Currency KRW = Currency.getInstance("KRW");

    private final FluxPayClient fluxPay;
    private final SimulatorCheckout payer;

    CheckoutDemo(FluxPayClient fluxPay, SimulatorCheckout payer) {
        this.fluxPay = fluxPay;
        this.payer = payer;
    }

    /** Pays a one-line order of {@code amount} KRW; answers the payment ({@code DONE} when approved). */
    @PostMapping("/checkout-demo")
    Mono<Payment> checkout(
            @RequestParam(defaultValue = "9900") long amount, @RequestParam(defaultValue = "APPROVE") String scenario) {
        CreateOrderRequest order =
                CreateOrderRequest.of("demo-user", KRW, new LineItem("pro-monthly", "PRO plan", 1, amount));
        return Mono.fromFuture(() -> fluxPay.orders().createAsync(order))
                .flatMap(created ->
                        Mono.fromFuture(() -> fluxPay.payments().createAsync(CreatePaymentRequest.forOrder(created))))
                .flatMap(payment -> payer.paymentKey(payment, scenario).flatMap(key -> confirm(payment, key)));
    }

    /**
     * Confirms with a key derived from the payment, so a retry after this app crashed cannot capture twice. An
     * unknown outcome (FluxPay answered 202) is no failure: FluxPay reconciles it and sends {@code payment.confirmed}
     * or {@code payment.failed}.
     */
    private Mono<Payment> confirm(Payment payment, String paymentKey) {
        return Mono.fromFuture(() -> fluxPay.payments()
                        .confirmAsync(
                                payment.paymentId(),
                                new ConfirmPaymentRequest(paymentKey, payment.amount()),
                                RequestOptions.idempotencyKey("confirm-" + payment.paymentId())))
                .map(Outcome::resource);
    }

    /**
     * Refunds {@code amount} of a payment. A real app passes the key of its own refund record (an RMA number) as the
     * idempotency key; here the client generates one for this call and reuses it across its retries.
     */
    @PostMapping("/checkout-demo/{paymentId}/refunds")
    Mono<Refund> refund(@PathVariable String paymentId, @RequestParam long amount) {
        return Mono.fromFuture(() -> fluxPay.refunds().createAsync(new CreateRefundRequest(paymentId, amount, "demo")))
                .map(Outcome::resource);
    }

    /** FluxPay's refusal (a decline is a 402 {@code PAY_004}) with its status, code and message. */
    @ExceptionHandler(FluxPayApiException.class)
    ResponseEntity<Refusal> refused(FluxPayApiException e) {
        return ResponseEntity.status(e.status()).body(new Refusal(e.code(), e.errorMessage(), e.requestId()));
    }

    /**
     * No answer from FluxPay, even after the client's retries: the outcome is unknown, not failed. Retrying the confirm
     * with the same idempotency key is safe; {@code payment.confirmed} or {@code payment.failed} will tell.
     */
    @ExceptionHandler(FluxPayTransportException.class)
    ResponseEntity<Refusal> noAnswer(FluxPayTransportException e) {
        return ResponseEntity.status(HttpStatus.GATEWAY_TIMEOUT)
                .body(new Refusal(null, "no answer from FluxPay; the outcome is unknown", e.requestId()));
    }

    /** What went wrong, as this demo answers it. */
    record Refusal(@Nullable String code, @Nullable String message, String requestId) {}
}
