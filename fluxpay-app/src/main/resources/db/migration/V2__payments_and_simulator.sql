-- Payments follow the PG's lifecycle, plus UNKNOWN when the PG's answer was lost. Every change of a payment's status
-- bumps its version and appends one payment_events row with that version as seq, in the same transaction.

CREATE TABLE payments (
    id                uuid        PRIMARY KEY,
    merchant_id       uuid        NOT NULL REFERENCES merchants (id),
    order_id          uuid        NOT NULL REFERENCES orders (id),
    status            text        NOT NULL CHECK (status IN ('READY', 'IN_PROGRESS', 'DONE', 'ABORTED', 'EXPIRED',
                                                             'CANCELED', 'PARTIAL_CANCELED', 'UNKNOWN')),
    currency          text        NOT NULL CHECK (currency IN ('KRW', 'USD', 'JPY', 'EUR')),
    amount            bigint      NOT NULL CHECK (amount > 0),
    refunded_amount   bigint      NOT NULL DEFAULT 0,
    payment_key       text        CHECK (length(payment_key) BETWEEN 1 AND 200),
    failure_code      text,
    failure_message   text,
    approved_at       timestamptz,
    version           integer     NOT NULL DEFAULT 1,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    CHECK (refunded_amount >= 0 AND refunded_amount <= amount),
    CHECK (status <> 'DONE' OR (payment_key IS NOT NULL AND approved_at IS NOT NULL))
);

-- At most one payment per order that may still take or has taken the money.
CREATE UNIQUE INDEX payments_one_live_per_order ON payments (order_id) WHERE status NOT IN ('ABORTED', 'EXPIRED');
CREATE INDEX payments_by_merchant_order ON payments (merchant_id, order_id, created_at DESC, id DESC);
CREATE UNIQUE INDEX payments_by_payment_key ON payments (payment_key) WHERE payment_key IS NOT NULL;

CREATE TABLE payment_events (
    payment_id   uuid        NOT NULL REFERENCES payments (id),
    seq          integer     NOT NULL CHECK (seq >= 1),
    from_status  text,
    to_status    text        NOT NULL,
    cause        text        NOT NULL,
    data         jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (payment_id, seq)
);

CREATE FUNCTION payment_events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'payment_events is append-only: % refused', TG_OP;
END;
$$;

CREATE TRIGGER payment_events_no_update_or_delete
    BEFORE UPDATE OR DELETE ON payment_events
    FOR EACH ROW EXECUTE FUNCTION payment_events_are_append_only();

CREATE TRIGGER payment_events_no_truncate
    BEFORE TRUNCATE ON payment_events
    FOR EACH STATEMENT EXECUTE FUNCTION payment_events_are_append_only();

-- The PG simulator's own books (a TossPayments v1 look-alike served by this app under /sim).
CREATE TABLE sim_payments (
    payment_key     text        PRIMARY KEY,
    order_id        text        NOT NULL UNIQUE,
    amount          bigint      NOT NULL CHECK (amount > 0),
    balance_amount  bigint      NOT NULL,
    status          text        NOT NULL,
    scenario        text        NOT NULL,
    approved_at     timestamptz,
    confirm_count   integer     NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (balance_amount >= 0 AND balance_amount <= amount)
);

-- Toss's Idempotency-Key: scoped to (key, secret key, method + URL), the body not compared; kept 15 days.
CREATE TABLE sim_idempotency (
    scope         text        PRIMARY KEY,
    status_code   integer,
    body          text,
    created_at    timestamptz NOT NULL DEFAULT now()
);
