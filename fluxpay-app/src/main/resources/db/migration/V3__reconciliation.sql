-- Reconciliation: payments whose outcome is unknown (or stuck in progress) are re-queried at the PG on a backoff
-- schedule; after the give-up age they become NEEDS_ATTENTION for a human.

ALTER TABLE payments DROP CONSTRAINT payments_status_check;
ALTER TABLE payments ADD CONSTRAINT payments_status_check
    CHECK (status IN ('READY', 'IN_PROGRESS', 'DONE', 'ABORTED', 'EXPIRED', 'CANCELED', 'PARTIAL_CANCELED',
                      'UNKNOWN', 'NEEDS_ATTENTION'));

ALTER TABLE payments ADD COLUMN next_check_at timestamptz;
ALTER TABLE payments ADD COLUMN check_attempts integer NOT NULL DEFAULT 0;

CREATE INDEX payments_due_for_check ON payments (next_check_at)
    WHERE status IN ('UNKNOWN', 'IN_PROGRESS') AND next_check_at IS NOT NULL;
