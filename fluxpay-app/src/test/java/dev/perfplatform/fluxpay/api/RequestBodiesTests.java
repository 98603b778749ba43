package dev.perfplatform.fluxpay.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.perfplatform.fluxpay.order.CreateOrderRequest;
import dev.perfplatform.fluxpay.payment.CreatePaymentRequest;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Every refused body names the field by its JSON path ({@code lineItems[0].unitPrice}), never by Java types. */
class RequestBodiesTests {

    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();

    private final RequestBodies bodies = new RequestBodies(JsonMapper.builder().build(), VALIDATION.getValidator());

    @AfterAll
    static void close() {
        VALIDATION.close();
    }

    @Test
    void aWrongTypeInANestedElementIsNamedByItsJsonPath() {
        ApiException refused = refused(order("\"KRW\"", "\"unitPrice\":\"cheap\""), CreateOrderRequest.class);

        assertThat(refused.code()).isEqualTo(ErrorCode.VAL_001);
        assertThat(refused.fieldErrors())
                .containsExactly(new ApiResponse.FieldError("lineItems[0].unitPrice", "must be an integer"));
        assertThat(refused.getMessage()).isEqualTo("lineItems[0].unitPrice must be an integer");
    }

    @Test
    void aFractionalAmountIsNamed() {
        ApiException refused = refused(order("\"KRW\"", "\"unitPrice\":1.5"), CreateOrderRequest.class);

        assertThat(refused.fieldErrors())
                .containsExactly(new ApiResponse.FieldError("lineItems[0].unitPrice", "must be an integer"));
        assertThat(refused.getMessage()).doesNotContain("dev.perfplatform").doesNotContain("java.");
    }

    @Test
    void anUnknownFieldInANestedElementIsNamedByItsJsonPath() {
        ApiException refused =
                refused(order("\"KRW\"", "\"unitPrice\":100,\"color\":\"red\""), CreateOrderRequest.class);

        assertThat(refused.fieldErrors())
                .containsExactly(new ApiResponse.FieldError("lineItems[0].color", "is not a known field"));
    }

    @Test
    void anUnknownCurrencyListsTheCurrenciesAccepted() {
        ApiException order = refused(order("\"GBP\"", "\"unitPrice\":100"), CreateOrderRequest.class);
        ApiException payment = refused(
                "{\"orderId\":\"0b7c1c1e-2d6b-4c46-9c5e-6f2f2a0f3a11\",\"amount\":100,\"currency\":\"krw\"}",
                CreatePaymentRequest.class);

        for (ApiException refused : new ApiException[] {order, payment}) {
            assertThat(refused.code()).isEqualTo(ErrorCode.VAL_001);
            assertThat(refused.getMessage()).isEqualTo("currency must be one of KRW, USD, JPY, EUR");
            assertThat(refused.fieldErrors())
                    .containsExactly(new ApiResponse.FieldError("currency", "must be one of KRW, USD, JPY, EUR"));
        }
    }

    @Test
    void anIdThatIsNoUuidIsNamed() {
        ApiException refused =
                refused("{\"orderId\":\"nope\",\"amount\":100,\"currency\":\"KRW\"}", CreatePaymentRequest.class);

        assertThat(refused.fieldErrors()).containsExactly(new ApiResponse.FieldError("orderId", "must be a UUID"));
    }

    @Test
    void aConstraintOnANestedElementIsNamedByItsJsonPath() {
        ApiException refused = refused(order("\"KRW\"", "\"unitPrice\":0"), CreateOrderRequest.class);

        assertThat(refused.fieldErrors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("lineItems[0].unitPrice");
            assertThat(error.message()).contains("1");
        });
    }

    @Test
    void aNullElementAndAMapEntryAreNamedByTheirJsonPath() {
        ApiException nullLine =
                refused("{\"userId\":\"u\",\"currency\":\"KRW\",\"lineItems\":[null]}", CreateOrderRequest.class);
        ApiException longNote = refused(
                order("\"KRW\"", "\"unitPrice\":100")
                        .replace("}]}", "}],\"metadata\":{\"note\":\"" + "n".repeat(501) + "\"}}"),
                CreateOrderRequest.class);

        assertThat(nullLine.fieldErrors())
                .extracting(ApiResponse.FieldError::field)
                .containsExactly("lineItems[0]");
        assertThat(longNote.fieldErrors())
                .extracting(ApiResponse.FieldError::field)
                .containsExactly("metadata.note");
    }

    @Test
    void malformedJsonNamesNoField() {
        ApiException refused = refused("{\"userId\":", CreateOrderRequest.class);

        assertThat(refused.code()).isEqualTo(ErrorCode.VAL_001);
        assertThat(refused.getMessage()).isEqualTo("Malformed JSON");
        assertThat(refused.fieldErrors()).isEmpty();
    }

    @Test
    void aValidBodyIsRead() {
        CreateOrderRequest request = bodies.read(
                order("\"USD\"", "\"unitPrice\":100").getBytes(StandardCharsets.UTF_8), CreateOrderRequest.class);

        assertThat(request.lineItems().get(0).unitPrice()).isEqualTo(100);
    }

    private ApiException refused(String body, Class<?> type) {
        return catchThrowableOfType(ApiException.class, () -> bodies.read(body.getBytes(StandardCharsets.UTF_8), type));
    }

    private static String order(String currency, String price) {
        return "{\"userId\":\"u\",\"currency\":" + currency
                + ",\"lineItems\":[{\"productId\":\"p\",\"productName\":\"n\",\"quantity\":1," + price + "}]}";
    }
}
