-- Merchants, orders and the idempotency records of the merchant API. Money is bigint minor units; every rule that
-- protects money or counts is a constraint here, not a check in the service.

CREATE TABLE merchants (
    id            uuid        PRIMARY KEY,
    name          text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    api_key_hash  bytea       NOT NULL UNIQUE CHECK (length(api_key_hash) = 32),
    webhook_url   text,
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE orders (
    id            uuid        PRIMARY KEY,
    merchant_id   uuid        NOT NULL REFERENCES merchants (id),
    user_id       text        NOT NULL CHECK (length(user_id) BETWEEN 1 AND 100),
    status        text        NOT NULL CHECK (status IN ('PENDING', 'PAID', 'CANCELED', 'EXPIRED')),
    currency      text        NOT NULL CHECK (currency IN ('KRW', 'USD', 'JPY', 'EUR')),
    total_amount  bigint      NOT NULL CHECK (total_amount > 0),
    metadata      jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL
);

-- Cursor pages: newest first, ties broken by id.
CREATE INDEX orders_by_merchant_user ON orders (merchant_id, user_id, created_at DESC, id DESC);
CREATE INDEX orders_by_merchant ON orders (merchant_id, created_at DESC, id DESC);

CREATE TABLE order_line_items (
    order_id      uuid    NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    position      integer NOT NULL CHECK (position >= 0),
    product_id    text    NOT NULL CHECK (length(product_id) BETWEEN 1 AND 100),
    product_name  text    NOT NULL CHECK (length(product_name) BETWEEN 1 AND 255),
    quantity      integer NOT NULL CHECK (quantity > 0),
    unit_price    bigint  NOT NULL CHECK (unit_price > 0),
    total_price   bigint  NOT NULL,
    PRIMARY KEY (order_id, position),
    CHECK (total_price = quantity * unit_price)
);

-- One row per (merchant, key). While a request runs, locked_until is its lease and lease_token names its holder (a
-- request whose lease expired cannot complete after another took over); a completed request keeps its exact response
-- for replay. The response columns are set together or not at all.
CREATE TABLE idempotency_keys (
    merchant_id      uuid        NOT NULL REFERENCES merchants (id),
    idempotency_key  text        NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 255),
    endpoint         text        NOT NULL,
    request_hash     bytea       NOT NULL CHECK (length(request_hash) = 32),
    locked_until     timestamptz,
    lease_token      uuid        NOT NULL,
    recovery_point   text        NOT NULL DEFAULT 'started',
    response_status  integer,
    response_body    bytea,
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (merchant_id, idempotency_key),
    CHECK ((response_status IS NULL) = (response_body IS NULL)),
    CHECK (response_status IS NOT NULL OR locked_until IS NOT NULL)
);

CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
