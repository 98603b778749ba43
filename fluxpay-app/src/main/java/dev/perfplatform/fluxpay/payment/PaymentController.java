package dev.perfplatform.fluxpay.payment;

import dev.perfplatform.fluxpay.api.ApiResponse;
import dev.perfplatform.fluxpay.api.ApiResponses;
import dev.perfplatform.fluxpay.api.ErrorCode;
import dev.perfplatform.fluxpay.api.Ids;
import dev.perfplatform.fluxpay.api.Page;
import dev.perfplatform.fluxpay.idempotency.IdempotentRequests;
import dev.perfplatform.fluxpay.merchant.CurrentMerchant;
import dev.perfplatform.fluxpay.merchant.Merchant;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code /api/v1/payments}: create, confirm, read and list the merchant's payments. */
@RestController
@RequestMapping("/api/v1/payments")
public class PaymentController {

    private final PaymentService service;
    private final PaymentRepository payments;
    private final IdempotentRequests idempotent;
    private final ApiResponses responses;

    public PaymentController(
            PaymentService service, PaymentRepository payments, IdempotentRequests idempotent, ApiResponses responses) {
        this.service = service;
        this.payments = payments;
        this.idempotent = idempotent;
        this.responses = responses;
    }

    @PostMapping
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(schema = @Schema(implementation = CreatePaymentRequest.class)))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "201",
            description = "The payment, READY, with its checkoutUrl in simulator mode")
    public Mono<ResponseEntity<byte[]>> create(
            @Parameter(hidden = true) @CurrentMerchant Merchant merchant,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) @Nullable String key,
            @RequestBody(required = false) byte @Nullable [] body) {
        return idempotent.execute(
                merchant.id(),
                key,
                "POST /payments",
                body,
                CreatePaymentRequest.class,
                (request, steps) -> steps.finish(service.create(merchant.id(), request)
                        .map(payment -> responses.ok(HttpStatus.CREATED, payment))));
    }

    @PostMapping("/{paymentId}/confirm")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(schema = @Schema(implementation = ConfirmPaymentRequest.class)))
    public Mono<ResponseEntity<byte[]>> confirm(
            @Parameter(hidden = true) @CurrentMerchant Merchant merchant,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) @Nullable String key,
            @PathVariable String paymentId,
            @RequestBody(required = false) byte @Nullable [] body) {
        return idempotent.execute(
                merchant.id(),
                key,
                "POST /payments/" + paymentId + "/confirm",
                body,
                ConfirmPaymentRequest.class,
                (request, steps) ->
                        service.confirm(merchant.id(), Ids.parse(paymentId, ErrorCode.PAY_001), request, steps));
    }

    @GetMapping("/{paymentId}")
    public Mono<ApiResponse<Payment>> get(
            @Parameter(hidden = true) @CurrentMerchant Merchant merchant, @PathVariable String paymentId) {
        return service.find(merchant.id(), Ids.parse(paymentId, ErrorCode.PAY_001))
                .map(ApiResponse::ok);
    }

    @GetMapping
    public Mono<ApiResponse<Page<Payment>>> list(
            @Parameter(hidden = true) @CurrentMerchant Merchant merchant,
            @RequestParam String orderId,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String startingAfter) {
        int size = Page.size(limit);
        UUID after = startingAfter == null ? null : Ids.parse(startingAfter, ErrorCode.VAL_001);
        return payments.list(merchant.id(), Ids.parse(orderId, ErrorCode.VAL_001), size + 1, after)
                .collectList()
                .map(found -> ApiResponse.ok(
                        Page.of(found, size, payment -> payment.paymentId().toString())));
    }
}
