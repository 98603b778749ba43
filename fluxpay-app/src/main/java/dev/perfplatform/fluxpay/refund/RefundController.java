package dev.perfplatform.fluxpay.refund;

import dev.perfplatform.fluxpay.api.ApiException;
import dev.perfplatform.fluxpay.api.ApiResponse;
import dev.perfplatform.fluxpay.api.ErrorCode;
import dev.perfplatform.fluxpay.api.Ids;
import dev.perfplatform.fluxpay.idempotency.IdempotentRequests;
import dev.perfplatform.fluxpay.merchant.CurrentMerchant;
import dev.perfplatform.fluxpay.merchant.Merchant;
import dev.perfplatform.fluxpay.payment.PaymentRepository;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code /api/v1/refunds} and {@code /api/v1/payments/{id}/refunds}. */
@RestController
public class RefundController {

    private final RefundService service;
    private final RefundRepository refunds;
    private final PaymentRepository payments;
    private final IdempotentRequests idempotent;

    public RefundController(
            RefundService service,
            RefundRepository refunds,
            PaymentRepository payments,
            IdempotentRequests idempotent) {
        this.service = service;
        this.refunds = refunds;
        this.payments = payments;
        this.idempotent = idempotent;
    }

    @PostMapping("/api/v1/refunds")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(schema = @Schema(implementation = CreateRefundRequest.class)))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "The refund, DONE")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "202",
            description = "The refund, UNKNOWN: the PG's answer was lost; reconciliation settles it")
    public Mono<ResponseEntity<byte[]>> create(
            @Parameter(hidden = true) @CurrentMerchant Merchant merchant,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) @Nullable String key,
            @RequestBody(required = false) byte @Nullable [] body) {
        return idempotent.execute(
                merchant.id(),
                key,
                "POST /refunds",
                body,
                CreateRefundRequest.class,
                (request, steps) -> service.create(merchant.id(), request, steps));
    }

    @GetMapping("/api/v1/refunds/{refundId}")
    public Mono<ApiResponse<Refund>> get(
            @Parameter(hidden = true) @CurrentMerchant Merchant merchant, @PathVariable String refundId) {
        return refunds.find(merchant.id(), Ids.parse(refundId, ErrorCode.PAY_009))
                .switchIfEmpty(Mono.error(new ApiException(ErrorCode.PAY_009)))
                .map(ApiResponse::ok);
    }

    @GetMapping("/api/v1/payments/{paymentId}/refunds")
    public Mono<ApiResponse<List<Refund>>> forPayment(
            @Parameter(hidden = true) @CurrentMerchant Merchant merchant, @PathVariable String paymentId) {
        UUID id = Ids.parse(paymentId, ErrorCode.PAY_001);
        return payments.find(merchant.id(), id)
                .switchIfEmpty(Mono.error(new ApiException(ErrorCode.PAY_001)))
                .flatMap(payment -> refunds.forPayment(merchant.id(), id).collectList())
                .map(ApiResponse::ok);
    }
}
