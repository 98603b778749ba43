-- Outbound merchant webhooks (Standard Webhooks) through a transactional outbox. A payment or refund status change
-- that merchants hear about inserts its event and one delivery row in the same transaction as the change; a worker
-- claims due deliveries with FOR UPDATE SKIP LOCKED under a lease, POSTs them signed, and records each attempt.

-- The merchant's signing secret (whsec_<base64>): kept as written because HMAC signing needs the key itself; never
-- logged nor returned by the API. An endpoint that answered 410 Gone is disabled until its URL is configured anew.
ALTER TABLE merchants ADD COLUMN webhook_secret text CHECK (webhook_secret LIKE 'whsec\_%');
ALTER TABLE merchants ADD COLUMN webhook_disabled_at timestamptz;

-- One row per event a merchant is told about. id is the Standard Webhooks webhook-id, the same on every attempt and
-- replay; payload holds the exact bytes that are signed and sent. A payment event points at the payment_events row
-- of its state change, so a change can never have two events, nor an event no change.
CREATE TABLE webhook_events (
    id           text        PRIMARY KEY CHECK (id ~ '^msg_[A-Za-z0-9]{1,64}$'),
    merchant_id  uuid        NOT NULL REFERENCES merchants (id),
    type         text        NOT NULL CHECK (type ~ '^[a-z_]+\.[a-z_]+$'),
    payload      text        NOT NULL,
    payment_id   uuid,
    payment_seq  integer,
    refund_id    uuid        REFERENCES refunds (id),
    created_at   timestamptz NOT NULL,
    CHECK ((payment_id IS NOT NULL AND payment_seq IS NOT NULL AND refund_id IS NULL)
        OR (payment_id IS NULL AND payment_seq IS NULL AND refund_id IS NOT NULL)),
    FOREIGN KEY (payment_id, payment_seq) REFERENCES payment_events (payment_id, seq),
    UNIQUE (payment_id, payment_seq),
    UNIQUE (refund_id, type)
);

-- One row per sending of an event: the first, and one per replay. PENDING rows are due at next_attempt_at; a
-- DELIVERING row belongs to the worker holding lease_token until lease_until, after which any worker reclaims it.
CREATE TABLE webhook_deliveries (
    id                    uuid        PRIMARY KEY,
    event_id              text        NOT NULL REFERENCES webhook_events (id),
    merchant_id           uuid        NOT NULL REFERENCES merchants (id),
    status                text        NOT NULL CHECK (status IN ('PENDING', 'DELIVERING', 'SUCCEEDED', 'FAILED',
                                                                 'DISABLED')),
    attempts              integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at       timestamptz,
    lease_until           timestamptz,
    lease_token           uuid,
    last_attempt_at       timestamptz,
    last_response_status  integer,
    last_error            text,
    delivered_at          timestamptz,
    replay_of             uuid        REFERENCES webhook_deliveries (id),
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    CHECK (status NOT IN ('PENDING', 'DELIVERING') OR next_attempt_at IS NOT NULL),
    CHECK ((status = 'DELIVERING') = (lease_until IS NOT NULL AND lease_token IS NOT NULL)),
    CHECK ((status = 'SUCCEEDED') = (delivered_at IS NOT NULL))
);

-- The claim: due PENDING rows, and DELIVERING rows whose lease ran out.
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_deliveries_leased ON webhook_deliveries (lease_until) WHERE status = 'DELIVERING';
-- The merchant API's pages, newest first, and a merchant's rows when its endpoint is disabled.
CREATE INDEX webhook_deliveries_by_merchant ON webhook_deliveries (merchant_id, created_at DESC, id DESC);
CREATE INDEX webhook_deliveries_by_event ON webhook_deliveries (event_id);

-- Every attempt of a delivery, as the merchant API shows it.
CREATE TABLE webhook_attempts (
    delivery_id      uuid        NOT NULL REFERENCES webhook_deliveries (id),
    attempt          integer     NOT NULL CHECK (attempt >= 1),
    attempted_at     timestamptz NOT NULL,
    response_status  integer,
    error            text,
    duration_ms      bigint      NOT NULL CHECK (duration_ms >= 0),
    PRIMARY KEY (delivery_id, attempt)
);
