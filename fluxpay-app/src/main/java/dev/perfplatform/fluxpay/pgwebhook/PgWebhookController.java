package dev.perfplatform.fluxpay.pgwebhook;

import dev.perfplatform.fluxpay.api.ApiException;
import dev.perfplatform.fluxpay.api.ApiResponses;
import dev.perfplatform.fluxpay.api.ErrorCode;
import dev.perfplatform.fluxpay.pgwebhook.PgWebhookMetrics.Result;
import dev.perfplatform.fluxpay.pgwebhook.TossWebhookParser.MalformedWebhookException;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /webhooks/toss}: TossPayments' webhooks, outside the merchant API (no API key; Toss does not sign payment
 * webhooks, so nothing in the body is trusted). The receipt is stored under the {@code
 * tosspayments-webhook-transmission-id} header and answered 200 at once; processing (a PG look-up) runs after the
 * answer. A transmission id seen before is answered 200 and not processed again. A request Toss would never send (no
 * transmission id, a body that is not one of its shapes, a secret that is not the named payment's: {@link
 * WebhookSecrets}) is a 400 {@code VAL_001} and stores nothing: retrying it cannot help, and it must not look like our
 * failure (Toss retries non-200 answers up to 7 times). When the {@link ProcessingQueue} is full the delivery is a 503
 * {@code SYS_002} with {@code Retry-After} and stores nothing either: Toss re-sends it later with the same transmission
 * id (storing it instead would let a flood fill the table and the retrier's backlog at the rate it arrives).
 */
@RestController
public class PgWebhookController {

    static final String TRANSMISSION_ID = "tosspayments-webhook-transmission-id";
    static final String RETRIED_COUNT = "tosspayments-webhook-transmission-retried-count";
    private static final Logger log = LoggerFactory.getLogger(PgWebhookController.class);
    private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]{1,200}");

    private final TossWebhookParser parser;
    private final ProcessingQueue queue;
    private final WebhookSecrets secrets;
    private final WebhookReceipts receipts;
    private final PgWebhookProcessor processor;
    private final PgWebhookSettings settings;
    private final PgWebhookMetrics metrics;
    private final ApiResponses responses;

    PgWebhookController(
            TossWebhookParser parser,
            ProcessingQueue queue,
            WebhookSecrets secrets,
            WebhookReceipts receipts,
            PgWebhookProcessor processor,
            PgWebhookSettings settings,
            PgWebhookMetrics metrics,
            ApiResponses responses) {
        this.parser = parser;
        this.queue = queue;
        this.secrets = secrets;
        this.receipts = receipts;
        this.processor = processor;
        this.settings = settings;
        this.metrics = metrics;
        this.responses = responses;
    }

    @PostMapping("/webhooks/toss")
    @SecurityRequirements
    public Mono<ResponseEntity<byte[]>> receive(
            @RequestHeader(name = TRANSMISSION_ID, required = false) @Nullable String transmissionId,
            @RequestHeader(name = RETRIED_COUNT, required = false) @Nullable String retriedCount,
            @RequestBody(required = false) @Nullable String body) {
        TossWebhook webhook;
        try {
            webhook = parser.parse(body);
        } catch (MalformedWebhookException e) {
            return Mono.just(rejected(PgWebhookMetrics.UNREADABLE, e.why()));
        }
        if (transmissionId == null || !VISIBLE_ASCII.matcher(transmissionId).matches()) {
            return Mono.just(rejected(webhook.type().name(), TRANSMISSION_ID + " header is missing or invalid"));
        }
        ProcessingQueue.Place place = queue.take();
        if (place == null) {
            return Mono.just(busy(webhook.type().name()));
        }
        AtomicBoolean handedOver = new AtomicBoolean();
        return secrets.contradicts(webhook)
                .flatMap(forged -> {
                    if (forged) {
                        return Mono.just(rejected(webhook.type().name(), "secret is not the payment's"));
                    }
                    return receipts.insert(transmissionId, webhook, retries(retriedCount), settings.processingLease())
                            .map(receipt -> {
                                handedOver.set(true);
                                processor.processLater(receipt, place);
                                return received(false);
                            })
                            .switchIfEmpty(Mono.fromSupplier(() -> {
                                metrics.count(webhook.type().name(), Result.DUPLICATE);
                                log.info(
                                        "webhook {} received again: acknowledged, not processed again", transmissionId);
                                return received(true);
                            }));
                })
                .doFinally(signal -> {
                    if (!handedOver.get()) {
                        place.free();
                    }
                });
    }

    private ResponseEntity<byte[]> received(boolean duplicate) {
        return responses
                .ok(HttpStatus.OK, Map.of("received", true, "duplicate", duplicate))
                .toEntity(false);
    }

    /** 503 in the envelope with {@code Retry-After}: Toss re-sends anything but 200 later. */
    private ResponseEntity<byte[]> busy(String type) {
        metrics.count(type, Result.BUSY);
        log.debug("webhook refused: the processing queue is full");
        ResponseEntity<byte[]> answer = responses
                .failure(new ApiException(ErrorCode.SYS_002, "Too many PG webhooks in processing; retry later"))
                .toEntity(false);
        return ResponseEntity.status(answer.getStatusCode())
                .headers(answer.getHeaders())
                .header(
                        HttpHeaders.RETRY_AFTER,
                        String.valueOf(settings.busyRetryAfter().toSeconds()))
                .body(answer.getBody());
    }

    private ResponseEntity<byte[]> rejected(String type, String why) {
        metrics.count(type, Result.REJECTED);
        log.warn("webhook rejected: {}", why);
        return responses
                .failure(new ApiException(ErrorCode.VAL_001, "Not a TossPayments webhook: " + why))
                .toEntity(false);
    }

    private static int retries(@Nullable String header) {
        try {
            return header == null ? 0 : Math.max(0, Integer.parseInt(header.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
