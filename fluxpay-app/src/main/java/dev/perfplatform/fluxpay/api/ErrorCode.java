package dev.perfplatform.fluxpay.api;

import org.springframework.http.HttpStatus;

/** Every error the merchant API answers with: code families ORD_, PAY_, VAL_, AUTH_ and SYS_. */
public enum ErrorCode {
    ORD_001(HttpStatus.NOT_FOUND, "Order not found"),
    ORD_002(HttpStatus.CONFLICT, "The order's state does not allow this operation"),

    PAY_001(HttpStatus.NOT_FOUND, "Payment not found"),
    PAY_002(HttpStatus.BAD_REQUEST, "Amount or currency does not match"),
    PAY_003(HttpStatus.CONFLICT, "The payment's state does not allow this operation"),
    PAY_004(HttpStatus.PAYMENT_REQUIRED, "The payment was declined"),
    PAY_005(HttpStatus.CONFLICT, "The order already has a payment in progress or done"),

    VAL_001(HttpStatus.BAD_REQUEST, "Invalid request"),
    VAL_002(HttpStatus.BAD_REQUEST, "Idempotency-Key header is required"),
    VAL_003(HttpStatus.BAD_REQUEST, "Idempotency-Key must be at most 255 characters"),
    VAL_004(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key was used with another endpoint or request body"),
    VAL_005(HttpStatus.CONFLICT, "A request with this Idempotency-Key is still in progress"),

    AUTH_001(HttpStatus.UNAUTHORIZED, "Missing or invalid API key"),

    SYS_001(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    private final HttpStatus status;
    private final String message;

    ErrorCode(HttpStatus status, String message) {
        this.status = status;
        this.message = message;
    }

    public HttpStatus status() {
        return status;
    }

    /** The default, client-safe message. */
    public String message() {
        return message;
    }
}
