package dev.perfplatform.fluxpay.pg;

import dev.perfplatform.fluxpay.SelfUrl;
import io.netty.channel.ChannelOption;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * TossPayments v1 over HTTP: Basic auth with the secret key, an {@code Idempotency-Key} on every POST, and every
 * answer classified as approved, declined or unknown (docs: core API reference and error codes).
 */
@Component
public class TossPaymentsGateway implements PaymentGateway {

    private static final Logger log = LoggerFactory.getLogger(TossPaymentsGateway.class);

    /** Definitive refusals: no money moved. */
    private static final Set<String> DECLINES = Set.of(
            "ALREADY_CANCELED_PAYMENT",
            "NOT_CANCELABLE_AMOUNT",
            "NOT_CANCELABLE_PAYMENT",
            "NOT_MATCHES_REFUNDABLE_AMOUNT",
            "REJECT_CARD_PAYMENT",
            "REJECT_CARD_COMPANY",
            "INVALID_REJECT_CARD",
            "INVALID_CARD_EXPIRATION",
            "INVALID_STOPPED_CARD",
            "INVALID_CARD_LOST_OR_STOLEN",
            "BELOW_MINIMUM_AMOUNT",
            "EXCEED_MAX_AMOUNT",
            "NOT_FOUND_PAYMENT_SESSION",
            "INVALID_REQUEST");

    /** Our own set-up is wrong: alert, and leave the payment to reconciliation. */
    private static final Set<String> CONFIGURATION_ERRORS =
            Set.of("UNAUTHORIZED_KEY", "INVALID_API_KEY", "INVALID_IDEMPOTENCY_KEY", "FORBIDDEN_REQUEST");

    private final WebClient http;
    private final TossSettings settings;
    private final SelfUrl selfUrl;
    private final JsonMapper json;

    public TossPaymentsGateway(TossSettings settings, SelfUrl selfUrl, JsonMapper json) {
        HttpClient client = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        settings.connectTimeout().toMillis())
                .responseTimeout(settings.readTimeout());
        this.http = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(client))
                .defaultHeader(HttpHeaders.AUTHORIZATION, basic(settings.effectiveSecretKey()))
                .build();
        this.settings = settings;
        this.selfUrl = selfUrl;
        this.json = json;
    }

    @Override
    public Mono<PgOutcome> confirm(String paymentKey, String pgOrderId, long amount, String idempotencyKey) {
        return http.post()
                .uri(baseUrl() + "/payments/confirm")
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", idempotencyKey)
                .bodyValue(Map.of("paymentKey", paymentKey, "orderId", pgOrderId, "amount", amount))
                .exchangeToMono(response -> classify(response, "confirm"))
                .onErrorResume(failure -> Mono.just(lost("confirm", failure)));
    }

    @Override
    public Mono<PgOutcome> cancel(
            String paymentKey, long amount, long refundableAmount, String reason, String idempotencyKey) {
        return http.post()
                .uri(baseUrl() + "/payments/{paymentKey}/cancel", paymentKey)
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", idempotencyKey)
                .bodyValue(Map.of("cancelReason", reason, "cancelAmount", amount, "refundableAmount", refundableAmount))
                .exchangeToMono(response -> classify(response, "cancel"))
                .onErrorResume(failure -> Mono.just(lost("cancel", failure)));
    }

    @Override
    public Mono<PgOutcome> lookup(String paymentKey) {
        return http.get()
                .uri(baseUrl() + "/payments/{paymentKey}", paymentKey)
                .exchangeToMono(response -> classify(response, "lookup"))
                .onErrorResume(failure -> Mono.just(lost("lookup", failure)));
    }

    @Override
    public Mono<PgOutcome> lookupByOrderId(String pgOrderId) {
        return http.get()
                .uri(baseUrl() + "/payments/orders/{orderId}", pgOrderId)
                .exchangeToMono(response -> classify(response, "lookup"))
                .onErrorResume(failure -> Mono.just(lost("lookup", failure)));
    }

    private Mono<PgOutcome> classify(ClientResponse response, String operation) {
        return response.bodyToMono(String.class).defaultIfEmpty("").map(body -> {
            JsonNode node = parse(body);
            if (response.statusCode().is2xxSuccessful()) {
                return fromPayment(node);
            }
            String code = text(node, "code");
            String message = text(node, "message");
            if (code.equals("ALREADY_PROCESSED_PAYMENT")) {
                return new PgOutcome.Unknown("already processed; look it up");
            }
            if (CONFIGURATION_ERRORS.contains(code)) {
                log.error("TossPayments {} refused our configuration: {} {}", operation, code, message);
                return new PgOutcome.Unknown("configuration error " + code);
            }
            if (response.statusCode().is4xxClientError() && DECLINES.contains(code)) {
                return new PgOutcome.Declined(code, message);
            }
            return new PgOutcome.Unknown(response.statusCode().value() + " " + code);
        });
    }

    /**
     * A Payment object: approved when DONE (or later canceled, with what is left of it), declined when ABORTED or
     * EXPIRED, unknown while the PG has not settled it; with its {@code secret} when it has one.
     */
    private PgOutcome fromPayment(JsonNode payment) {
        String status = text(payment, "status");
        String secret = text(payment, "secret");
        TossPaymentStatus known = TossPaymentStatus.of(status);
        if (known == null) {
            return notSettled(status, secret);
        }
        return switch (known) {
            case DONE, CANCELED, PARTIAL_CANCELED ->
                new PgOutcome.Approved(
                        text(payment, "paymentKey"),
                        payment.path("totalAmount").asLong(),
                        approvedAt(text(payment, "approvedAt")),
                        balanceAmount(payment, known),
                        secret.isEmpty() ? null : secret);
            case ABORTED, EXPIRED -> {
                JsonNode failure = payment.path("failure");
                yield new PgOutcome.Declined(
                        failure.isObject() ? text(failure, "code") : status,
                        failure.isObject() ? text(failure, "message") : "payment " + status);
            }
            case READY, IN_PROGRESS, WAITING_FOR_DEPOSIT -> notSettled(status, secret);
        };
    }

    /** A payment the PG has not settled (or whose status this engine does not know). */
    private static PgOutcome notSettled(String status, String secret) {
        return new PgOutcome.Unknown(
                "payment is " + status, status.isEmpty() ? null : status, secret.isEmpty() ? null : secret);
    }

    /**
     * What is left to cancel. Without the field: nothing for a CANCELED payment, else the whole amount — so a
     * missing field never reads as a cancel the engine does not know of.
     */
    private static long balanceAmount(JsonNode payment, TossPaymentStatus status) {
        JsonNode balance = payment.path("balanceAmount");
        if (balance.isIntegralNumber()) {
            return balance.asLong();
        }
        return status == TossPaymentStatus.CANCELED
                ? 0
                : payment.path("totalAmount").asLong();
    }

    private static PgOutcome lost(String operation, Throwable failure) {
        log.warn("TossPayments {} outcome unknown: {}", operation, failure.toString());
        return new PgOutcome.Unknown(failure.getClass().getSimpleName());
    }

    private JsonNode parse(String body) {
        try {
            return body.isEmpty() ? json.createObjectNode() : json.readTree(body);
        } catch (RuntimeException e) {
            return json.createObjectNode();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.asString() : "";
    }

    private static Instant approvedAt(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (RuntimeException e) {
            return Instant.now();
        }
    }

    private String baseUrl() {
        URI configured = settings.configuredBaseUrl();
        if (configured != null) {
            return configured.toString().replaceAll("/+$", "");
        }
        return selfUrl.base() + "/sim/v1";
    }

    private static String basic(String secretKey) {
        return "Basic " + Base64.getEncoder().encodeToString((secretKey + ":").getBytes(StandardCharsets.UTF_8));
    }
}
