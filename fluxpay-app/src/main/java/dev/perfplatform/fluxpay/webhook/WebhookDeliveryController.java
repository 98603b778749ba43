package dev.perfplatform.fluxpay.webhook;

import dev.perfplatform.fluxpay.api.ApiException;
import dev.perfplatform.fluxpay.api.ApiResponse;
import dev.perfplatform.fluxpay.api.ApiResponses;
import dev.perfplatform.fluxpay.api.ErrorCode;
import dev.perfplatform.fluxpay.api.Ids;
import dev.perfplatform.fluxpay.api.Page;
import dev.perfplatform.fluxpay.api.RenderedResponse;
import dev.perfplatform.fluxpay.idempotency.IdempotentRequests;
import dev.perfplatform.fluxpay.merchant.CurrentMerchant;
import dev.perfplatform.fluxpay.merchant.Merchant;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/webhook-deliveries}: list ({@code ?eventId=&eventType=&status=&limit=&startingAfter=}) and read the
 * merchant's webhook deliveries, and replay one.
 */
@RestController
@RequestMapping("/api/v1/webhook-deliveries")
public class WebhookDeliveryController {

    private final WebhookDeliveryQueries queries;
    private final IdempotentRequests idempotent;
    private final ApiResponses responses;
    private final JsonMapper json;
    private final Clock clock;

    WebhookDeliveryController(
            WebhookDeliveryQueries queries,
            IdempotentRequests idempotent,
            ApiResponses responses,
            JsonMapper json,
            Clock clock) {
        this.queries = queries;
        this.idempotent = idempotent;
        this.responses = responses;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping
    public Mono<ApiResponse<Page<WebhookDelivery>>> list(
            @Parameter(hidden = true) @CurrentMerchant Merchant merchant,
            @RequestParam(required = false) @Nullable String eventId,
            @RequestParam(required = false) @Nullable String eventType,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String startingAfter) {
        int size = Page.size(limit);
        if (eventType != null && !WebhookEvent.TYPES.contains(eventType)) {
            throw invalid("eventType", "must be one of " + WebhookEvent.TYPES);
        }
        WebhookDeliveryStatus wanted = status == null ? null : status(status);
        UUID after = startingAfter == null ? null : Ids.parse(startingAfter, ErrorCode.VAL_001);
        return queries.list(merchant.id(), eventId, eventType, wanted, size + 1, after)
                .collectList()
                .map(found -> ApiResponse.ok(
                        Page.of(found, size, delivery -> delivery.deliveryId().toString())));
    }

    @GetMapping("/{deliveryId}")
    public Mono<ApiResponse<WebhookDelivery>> get(
            @Parameter(hidden = true) @CurrentMerchant Merchant merchant, @PathVariable String deliveryId) {
        UUID id = Ids.parse(deliveryId, ErrorCode.WHK_001);
        return queries.find(merchant.id(), id)
                .switchIfEmpty(Mono.error(new ApiException(ErrorCode.WHK_001)))
                .flatMap(found -> queries.attempts(id)
                        .collectList()
                        .map(attempts -> found.delivery().withDetails(json.readTree(found.payload()), attempts)))
                .map(ApiResponse::ok);
    }

    /**
     * Sends the delivery's event again, with the same {@code webhook-id}, as a new delivery due now: 202 with it, 404
     * {@code WHK_001} for a delivery that is not the merchant's, 409 {@code WHK_002} while the endpoint is disabled.
     */
    @PostMapping("/{deliveryId}/replay")
    public Mono<ResponseEntity<byte[]>> replay(
            @Parameter(hidden = true) @CurrentMerchant Merchant merchant,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) @Nullable String key,
            @PathVariable String deliveryId) {
        return idempotent.execute(
                merchant.id(),
                key,
                "POST /webhook-deliveries/" + deliveryId + "/replay",
                new byte[0],
                steps -> steps.finish(Mono.defer(() -> {
                    UUID id = Ids.parse(deliveryId, ErrorCode.WHK_001);
                    return queries.replay(merchant.id(), id, steps.operationId(), clock.instant())
                            .flatMap(replayId -> queries.find(merchant.id(), replayId))
                            .map(replayed -> responses.ok(HttpStatus.ACCEPTED, replayed.delivery()))
                            .switchIfEmpty(Mono.defer(() -> queries.find(merchant.id(), id)
                                    .flatMap(exists -> Mono.<RenderedResponse>error(new ApiException(
                                            ErrorCode.WHK_002,
                                            "The webhook endpoint is not configured or is disabled (it answered"
                                                    + " 410 Gone); configure it again to replay")))
                                    .switchIfEmpty(Mono.error(new ApiException(ErrorCode.WHK_001)))));
                })));
    }

    private static WebhookDeliveryStatus status(String status) {
        try {
            return WebhookDeliveryStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw invalid("status", "must be one of " + List.of(WebhookDeliveryStatus.values()));
        }
    }

    private static ApiException invalid(String field, String message) {
        return new ApiException(
                ErrorCode.VAL_001, "Invalid request", List.of(new ApiResponse.FieldError(field, message)));
    }
}
