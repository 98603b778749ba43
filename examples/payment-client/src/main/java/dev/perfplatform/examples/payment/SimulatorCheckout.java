package dev.perfplatform.examples.payment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.perfplatform.payment.client.model.Payment;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Plays the payer at FluxPay's PG simulator, so the demo runs without a browser.
 *
 * <p>A real app never does this: it redirects the payer to {@link Payment#checkoutUrl()}, the payer pays at the
 * provider, and the provider sends the payer back to the app's success URL with {@code paymentKey}, {@code orderId}
 * and {@code amount} as query parameters; the app then confirms with that {@code paymentKey}. Here one plain HTTP
 * call, {@code POST {fluxpay}/sim/checkout {orderId: <paymentId>, amount, scenario}}, does the payer's part and
 * answers the {@code paymentKey} directly.
 */
@Component
class SimulatorCheckout {

    private final WebClient fluxPay;

    SimulatorCheckout(@Value("${fluxpay.client.base-url}") String fluxPayBaseUrl) {
        this.fluxPay = WebClient.create(fluxPayBaseUrl);
    }

    /**
     * The payer's checkout of {@code payment}; the {@code scenario} decides how the simulated provider answers the
     * confirm ({@code APPROVE}, {@code DECLINE}, {@code ERROR}, {@code SLOW}, {@code TIMEOUT_AFTER_COMMIT}).
     */
    Mono<String> paymentKey(Payment payment, String scenario) {
        // The simulator's "orderId" is the provider's order id, which FluxPay sets to its payment id.
        Map<String, Object> checkout =
                Map.of("orderId", payment.paymentId(), "amount", payment.amount(), "scenario", scenario);
        return fluxPay.post()
                .uri("/sim/checkout")
                .bodyValue(checkout)
                .retrieve()
                .bodyToMono(CheckoutAnswer.class)
                .map(CheckoutAnswer::paymentKey);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CheckoutAnswer(String paymentKey) {}
}
