package dev.perfplatform.fluxpay.order;

import dev.perfplatform.fluxpay.api.ApiException;
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
import java.util.List;
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

/** {@code /api/v1/orders}: create, read, list and cancel the merchant's orders. */
@RestController
@RequestMapping("/api/v1/orders")
public class OrderController {

    private final OrderRepository orders;
    private final IdempotentRequests idempotent;
    private final ApiResponses responses;

    public OrderController(OrderRepository orders, IdempotentRequests idempotent, ApiResponses responses) {
        this.orders = orders;
        this.idempotent = idempotent;
        this.responses = responses;
    }

    @PostMapping
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(schema = @Schema(implementation = CreateOrderRequest.class)))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "The order, PENDING")
    public Mono<ResponseEntity<byte[]>> create(
            @Parameter(hidden = true) @CurrentMerchant Merchant merchant,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) @Nullable String key,
            @RequestBody(required = false) byte @Nullable [] body) {
        return idempotent.execute(
                merchant.id(),
                key,
                "POST /orders",
                body,
                CreateOrderRequest.class,
                (request, steps) ->
                        steps.finish(orders.insert(merchant.id(), UUID.randomUUID(), request, totalOf(request))
                                .map(order -> responses.ok(HttpStatus.CREATED, order))));
    }

    @GetMapping("/{orderId}")
    public Mono<ApiResponse<Order>> get(
            @Parameter(hidden = true) @CurrentMerchant Merchant merchant, @PathVariable String orderId) {
        return orders.find(merchant.id(), Ids.parse(orderId, ErrorCode.ORD_001))
                .switchIfEmpty(Mono.error(new ApiException(ErrorCode.ORD_001)))
                .map(ApiResponse::ok);
    }

    @GetMapping
    public Mono<ApiResponse<Page<Order>>> list(
            @Parameter(hidden = true) @CurrentMerchant Merchant merchant,
            @RequestParam(required = false) @Nullable String userId,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String startingAfter) {
        int size = Page.size(limit);
        UUID after = startingAfter == null ? null : Ids.parse(startingAfter, ErrorCode.VAL_001);
        return orders.list(merchant.id(), userId, size + 1, after)
                .collectList()
                .map(found -> ApiResponse.ok(
                        Page.of(found, size, order -> order.orderId().toString())));
    }

    @PostMapping("/{orderId}/cancel")
    public Mono<ResponseEntity<byte[]>> cancel(
            @Parameter(hidden = true) @CurrentMerchant Merchant merchant,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) @Nullable String key,
            @PathVariable String orderId) {
        String endpoint = "POST /orders/" + orderId + "/cancel";
        return idempotent.execute(
                merchant.id(),
                key,
                endpoint,
                new byte[0],
                steps -> steps.finish(Mono.defer(() -> {
                    UUID id = Ids.parse(orderId, ErrorCode.ORD_001);
                    return orders.cancelPending(merchant.id(), id)
                            .map(order -> responses.ok(HttpStatus.OK, order))
                            .switchIfEmpty(Mono.defer(() -> orders.find(merchant.id(), id)
                                    .flatMap(order ->
                                            Mono.<dev.perfplatform.fluxpay.api.RenderedResponse>error(new ApiException(
                                                    ErrorCode.ORD_002,
                                                    "Order is " + order.status() + " and cannot be canceled")))
                                    .switchIfEmpty(Mono.error(new ApiException(ErrorCode.ORD_001)))));
                })));
    }

    /** The order's total; a total beyond a long is invalid input, not an overflow. */
    static long totalOf(CreateOrderRequest request) {
        long total = 0;
        try {
            for (CreateOrderRequest.LineItem line : request.lineItems()) {
                total = Math.addExact(total, Math.multiplyExact(line.unitPrice(), (long) line.quantity()));
            }
        } catch (ArithmeticException e) {
            throw new ApiException(
                    ErrorCode.VAL_001,
                    "Invalid request",
                    List.of(new ApiResponse.FieldError("lineItems", "total amount is too large")));
        }
        return total;
    }
}
