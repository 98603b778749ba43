-- Refunds, partial and repeated. A refund first reserves its amount on the payment with a conditional update
-- (refunded_amount + amount <= amount, also a CHECK on payments), so concurrent refunds can never exceed the captured
-- amount; a refund the PG refused gives its reservation back; an unknown one keeps it until reconciled.

CREATE TABLE refunds (
    id               uuid        PRIMARY KEY,
    merchant_id      uuid        NOT NULL REFERENCES merchants (id),
    payment_id       uuid        NOT NULL REFERENCES payments (id),
    status           text        NOT NULL CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED', 'UNKNOWN')),
    amount           bigint      NOT NULL CHECK (amount > 0),
    currency         text        NOT NULL CHECK (currency IN ('KRW', 'USD', 'JPY', 'EUR')),
    reason           text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
    failure_message  text,
    created_at       timestamptz NOT NULL,
    completed_at     timestamptz,
    CHECK ((status IN ('SUCCEEDED', 'FAILED')) = (completed_at IS NOT NULL))
);

CREATE INDEX refunds_by_payment ON refunds (payment_id, created_at);

-- One refund in flight per payment: the PG's refundable-amount guard compares against a single balance, and an
-- unknown refund leaves that balance uncertain until it is resolved.
CREATE UNIQUE INDEX refunds_one_in_flight_per_payment ON refunds (payment_id) WHERE status IN ('PENDING', 'UNKNOWN');
