-- Inbound PG webhooks (TossPayments). One row per transmission id, so a webhook delivered again is acknowledged and
-- processed once. The body is never trusted nor kept: only the ids to re-query the PG with, and the status the body
-- claimed (for the log). RECEIVED rows are processed right away; one that failed waits for next_attempt_at and is
-- retried, until it is PROCESSED (the payment changed), IGNORED (nothing to change) or FAILED (gave up).
CREATE TABLE pg_webhook_receipts (
    transmission_id  text        PRIMARY KEY CHECK (length(transmission_id) BETWEEN 1 AND 200),
    event_type       text        NOT NULL CHECK (length(event_type) BETWEEN 1 AND 64),
    payment_key      text        CHECK (length(payment_key) BETWEEN 1 AND 200),
    order_id         text        CHECK (length(order_id) BETWEEN 1 AND 64),
    claimed_status   text        CHECK (length(claimed_status) BETWEEN 1 AND 64),
    retried_count    integer     NOT NULL DEFAULT 0,
    status           text        NOT NULL CHECK (status IN ('RECEIVED', 'PROCESSED', 'IGNORED', 'FAILED')),
    result           text,
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz,
    received_at      timestamptz NOT NULL DEFAULT now(),
    processed_at     timestamptz,
    CHECK ((status = 'RECEIVED') = (next_attempt_at IS NOT NULL)),
    CHECK ((status = 'RECEIVED') = (processed_at IS NULL))
);

CREATE INDEX pg_webhook_receipts_due ON pg_webhook_receipts (next_attempt_at) WHERE status = 'RECEIVED';
