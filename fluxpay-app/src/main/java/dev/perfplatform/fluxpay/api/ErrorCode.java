package dev.perfplatform.fluxpay.api;

import org.springframework.http.HttpStatus;

/**
 * Every error the merchant API answers with: code families ORD_, PAY_, WHK_, MER_, VAL_ (the request's content),
 * REQ_ (the HTTP request itself: path, method, media types), AUTH_ and SYS_.
 */
public enum ErrorCode {
    ORD_001(HttpStatus.NOT_FOUND, "Order not found"),
    ORD_002(HttpStatus.CONFLICT, "The order's state does not allow this operation"),

    PAY_001(HttpStatus.NOT_FOUND, "Payment not found"),
    PAY_002(HttpStatus.BAD_REQUEST, "Amount or currency does not match"),
    PAY_003(HttpStatus.CONFLICT, "The payment's state does not allow this operation"),
    PAY_004(HttpStatus.PAYMENT_REQUIRED, "The payment was declined"),
    PAY_005(HttpStatus.CONFLICT, "The order already has a payment in progress or done"),
    PAY_007(HttpStatus.BAD_REQUEST, "The refund exceeds the refundable amount"),
    PAY_009(HttpStatus.NOT_FOUND, "Refund not found"),
    PAY_010(HttpStatus.CONFLICT, "The payment cannot be refunded in its state"),
    PAY_011(HttpStatus.CONFLICT, "Another refund of this payment is in progress; retry when it has finished"),
    PAY_012(HttpStatus.CONFLICT, "The PG approved the payment but it could not be kept; the charge is cancelled"),

    WHK_001(HttpStatus.NOT_FOUND, "Webhook delivery not found"),
    WHK_002(HttpStatus.CONFLICT, "The webhook endpoint is not configured or is disabled"),

    VAL_001(HttpStatus.BAD_REQUEST, "Invalid request"),
    VAL_002(HttpStatus.BAD_REQUEST, "Idempotency-Key header is required"),
    VAL_003(HttpStatus.BAD_REQUEST, "Idempotency-Key must be at most 255 characters"),
    VAL_004(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key was used with another endpoint or request body"),
    VAL_005(HttpStatus.CONFLICT, "A request with this Idempotency-Key is still in progress"),
    VAL_006(HttpStatus.CONTENT_TOO_LARGE, "Request body too large"),
    VAL_008(
            HttpStatus.BAD_REQUEST,
            "The request's URL was refused: encoded slashes, percent signs or periods, ';' parameters, '//' and"
                    + " non-normalized paths are not accepted"),

    REQ_001(HttpStatus.NOT_FOUND, "No such endpoint"),
    REQ_002(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed on this endpoint"),
    REQ_003(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Content-Type"),
    REQ_004(HttpStatus.NOT_ACCEPTABLE, "No acceptable representation"),
    /** Any other refusal of the HTTP request; answered with the refusal's own 4xx status. */
    REQ_005(HttpStatus.BAD_REQUEST, "Request refused"),

    MER_001(HttpStatus.NOT_FOUND, "Merchant not found"),

    AUTH_001(HttpStatus.UNAUTHORIZED, "Missing or invalid API key"),
    AUTH_002(HttpStatus.FORBIDDEN, "This API key may not call this endpoint"),

    SYS_001(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error"),
    /** Too much work already queued (e.g. inbound PG webhooks); answered with {@code Retry-After}. */
    SYS_002(HttpStatus.SERVICE_UNAVAILABLE, "Busy; retry later");

    private final HttpStatus status;
    private final String message;

    ErrorCode(HttpStatus status, String message) {
        this.status = status;
        this.message = message;
    }

    public HttpStatus status() {
        return status;
    }

    /**
     * Whether an idempotent request refused with this code leaves its key free (nothing was done and the refusal may
     * not hold next time: invalid input the caller fixes, a conflict that passes), rather than storing the answer.
     */
    public boolean freesIdempotencyKey() {
        return this == VAL_001 || this == PAY_011 || this == WHK_002;
    }

    /** The default, client-safe message. */
    public String message() {
        return message;
    }
}
