-- Compensation: when the PG took money the engine cannot keep (it approved another amount than the order's, or the
-- order was canceled or expired while the confirm was in flight), the payment is DONE — the PG's truth — and marked
-- here; a PG cancel with the key compensate-<paymentId> then moves it to CANCELED. The mark commits in the same
-- transaction as DONE, so a crash before the cancel leaves work the reconciler finds and finishes.

ALTER TABLE payments ADD COLUMN compensation text CHECK (compensation IN ('AMOUNT_MISMATCH', 'ORDER_NOT_PENDING'));
ALTER TABLE payments ADD COLUMN compensation_amount bigint CHECK (compensation_amount > 0);
ALTER TABLE payments ADD CONSTRAINT payments_compensation_complete
    CHECK ((compensation IS NULL) = (compensation_amount IS NULL));

-- Payments due for a look-up or for their compensation; transition() clears next_check_at on every other status.
DROP INDEX payments_due_for_check;
CREATE INDEX payments_due_for_check ON payments (next_check_at) WHERE next_check_at IS NOT NULL;

-- Refunds whose PG answer was lost are re-sent with their own key on a backoff until the PG answers.
ALTER TABLE refunds ADD COLUMN next_check_at timestamptz;
ALTER TABLE refunds ADD COLUMN check_attempts integer NOT NULL DEFAULT 0;
CREATE INDEX refunds_due_for_check ON refunds (next_check_at) WHERE status = 'UNKNOWN';

-- A refund still unknown after the give-up age needs a human; until then (and after) no other refund of its payment
-- may start, because the PG's balance is uncertain.
ALTER TABLE refunds DROP CONSTRAINT refunds_status_check;
ALTER TABLE refunds ADD CONSTRAINT refunds_status_check
    CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED', 'UNKNOWN', 'NEEDS_ATTENTION'));
DROP INDEX refunds_one_in_flight_per_payment;
CREATE UNIQUE INDEX refunds_one_in_flight_per_payment ON refunds (payment_id)
    WHERE status IN ('PENDING', 'UNKNOWN', 'NEEDS_ATTENTION');

-- What the NEEDS_ATTENTION gauges count, without scanning the tables.
CREATE INDEX payments_needing_attention ON payments (id) WHERE status = 'NEEDS_ATTENTION';
CREATE INDEX refunds_needing_attention ON refunds (id) WHERE status = 'NEEDS_ATTENTION';

-- Orders left PENDING past their time to live expire, oldest first.
CREATE INDEX orders_pending_by_age ON orders (created_at) WHERE status = 'PENDING';
