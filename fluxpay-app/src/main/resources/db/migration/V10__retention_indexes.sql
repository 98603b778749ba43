-- Retention (fluxpay.retention.*) deletes rows past their age in batches, oldest first: these indexes let each batch
-- find its rows without scanning the table. payment_events is the ledger and is never deleted.

CREATE INDEX pg_webhook_receipts_by_age ON pg_webhook_receipts (received_at);

-- Deliveries in a final state, by when they got there (updated_at is last written on that change).
CREATE INDEX webhook_deliveries_final_by_age ON webhook_deliveries (updated_at)
    WHERE status IN ('SUCCEEDED', 'FAILED', 'DISABLED');
-- A delivery's replays: a delivery a replay points at is kept, and deleting a delivery checks the foreign key.
CREATE INDEX webhook_deliveries_by_replay ON webhook_deliveries (replay_of) WHERE replay_of IS NOT NULL;
CREATE INDEX webhook_events_by_age ON webhook_events (created_at);

CREATE INDEX sim_payments_by_age ON sim_payments (created_at);
CREATE INDEX sim_idempotency_by_age ON sim_idempotency (created_at);
