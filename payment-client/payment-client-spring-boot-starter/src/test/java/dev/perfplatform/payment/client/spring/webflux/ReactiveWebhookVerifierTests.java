package dev.perfplatform.payment.client.spring.webflux;

import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import dev.perfplatform.payment.client.webhook.WebhookHeaders;
import dev.perfplatform.payment.client.webhook.WebhookSecret;
import dev.perfplatform.payment.client.webhook.WebhookSigner;
import dev.perfplatform.payment.client.webhook.WebhookVerificationException;
import dev.perfplatform.payment.client.webhook.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

class ReactiveWebhookVerifierTests {

    private static final WebhookSecret SECRET = WebhookSecret.generate();
    private static final byte[] EVENT = """
            {"type":"refund.succeeded",  "timestamp":"2026-03-01T12:00:00Z",
             "data":{"refundId":"ref_1","paymentId":"pay_1","status":"SUCCEEDED","amount":5000,"currency":"KRW"}}""".getBytes(StandardCharsets.UTF_8);

    private final ReactiveWebhookVerifier webhooks =
            new ReactiveWebhookVerifier(WebhookVerifier.builder().secret(SECRET).build(), 1024);

    private final WebTestClient functional = WebTestClient.bindToRouterFunction(route(
                    POST("/webhooks"),
                    request -> webhooks.verify(request)
                            .flatMap(event -> ServerResponse.ok().bodyValue(event.type() + " " + event.webhookId()))
                            .onErrorResume(
                                    WebhookVerificationException.class,
                                    e -> ServerResponse.badRequest()
                                            .bodyValue(e.reason().name()))
                            .onErrorResume(
                                    DataBufferLimitException.class,
                                    e -> ServerResponse.status(413).build())))
            .build();

    @Test
    void verifiesTheRawBytesOfAFunctionalEndpointsRequest() {
        WebhookHeaders headers = WebhookSigner.of(List.of(SECRET)).sign("msg_7", Instant.now(), EVENT);

        post(functional, headers, EVENT)
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .isEqualTo("refund.succeeded msg_7");
    }

    @Test
    void rejectsAForgedOrStaleOrHeaderlessDelivery() {
        WebhookHeaders forged =
                WebhookSigner.of(List.of(WebhookSecret.generate())).sign("msg_7", Instant.now(), EVENT);
        WebhookHeaders stale =
                WebhookSigner.of(List.of(SECRET)).sign("msg_7", Instant.now().minusSeconds(600), EVENT);

        post(functional, forged, EVENT)
                .expectStatus()
                .isBadRequest()
                .expectBody(String.class)
                .isEqualTo("NO_MATCHING_SIGNATURE");
        post(functional, stale, EVENT)
                .expectStatus()
                .isBadRequest()
                .expectBody(String.class)
                .isEqualTo("TIMESTAMP_TOO_OLD");
        functional
                .post()
                .uri("/webhooks")
                .bodyValue(EVENT)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody(String.class)
                .isEqualTo("MISSING_HEADER");
    }

    @Test
    void refusesABodyOverTheLimit() {
        byte[] large = new byte[2048];
        WebhookHeaders headers = WebhookSigner.of(List.of(SECRET)).sign("msg_7", Instant.now(), large);

        post(functional, headers, large).expectStatus().isEqualTo(413);
    }

    @Test
    void verifiesInAnAnnotatedController() {
        WebTestClient annotated =
                WebTestClient.bindToController(new Controller(webhooks)).build();
        WebhookHeaders headers = WebhookSigner.of(List.of(SECRET)).sign("msg_8", Instant.now(), EVENT);

        post(annotated, headers, EVENT)
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .isEqualTo("msg_8");
    }

    private static WebTestClient.ResponseSpec post(WebTestClient client, WebhookHeaders headers, byte[] body) {
        return client.post()
                .uri("/webhooks")
                .contentType(MediaType.APPLICATION_JSON)
                .headers(http -> headers.asMap().forEach(http::add))
                .bodyValue(body)
                .exchange();
    }

    @RestController
    static class Controller {
        private final ReactiveWebhookVerifier webhooks;

        Controller(ReactiveWebhookVerifier webhooks) {
            this.webhooks = webhooks;
        }

        @PostMapping("/webhooks")
        Mono<String> receive(ServerHttpRequest request) {
            return webhooks.verify(request).map(event -> event.webhookId());
        }
    }
}
