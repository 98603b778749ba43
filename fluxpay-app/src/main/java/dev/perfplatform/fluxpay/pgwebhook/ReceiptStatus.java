package dev.perfplatform.fluxpay.pgwebhook;

/** Where a PG webhook's receipt stands ({@code pg_webhook_receipts.status}): received, then ended once. */
enum ReceiptStatus {
    /** Recorded, not yet ended: being processed or due for another attempt. */
    RECEIVED,
    /** Acted on: the engine's state changed. */
    PROCESSED,
    /** Nothing to act on. */
    IGNORED,
    /** Given up after every attempt. */
    FAILED
}
