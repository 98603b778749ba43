package dev.perfplatform.fluxpay.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code POST /api/v1/orders}. */
public record CreateOrderRequest(
        @NotBlank @Size(max = 100) String userId,
        @NotEmpty @Size(max = 100) List<@Valid @NotNull LineItem> lineItems,
        @NotNull Currency currency,
        @Nullable @Size(max = 50) Map<@Size(min = 1, max = 40) String, @NotNull @Size(max = 500) String> metadata) {

    /** One product line; {@code unitPrice} in the currency's minor unit. */
    public record LineItem(
            @NotBlank @Size(max = 100) String productId,
            @NotBlank @Size(max = 255) String productName,
            @Min(1) @Max(10_000) int quantity,
            @Min(1) @Max(1_000_000_000_000L) long unitPrice) {}
}
