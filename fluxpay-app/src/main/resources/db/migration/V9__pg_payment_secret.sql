-- TossPayments gives each payment a secret (its Payment object's `secret`) and repeats it in the virtual-account
-- webhooks (DEPOSIT_CALLBACK, and PAYMENT_STATUS_CHANGED for such a payment), which are otherwise unsigned. The engine
-- keeps the SHA-256 of the first secret a PG answer carried for the payment (confirm, look-up), and refuses a webhook
-- about that payment whose secret differs. Null: the PG gave none (card payments), or the payment predates this.
ALTER TABLE payments ADD COLUMN pg_secret_hash bytea CHECK (length(pg_secret_hash) = 32);

-- The simulator hands out a secret per payment, as TossPayments does.
ALTER TABLE sim_payments ADD COLUMN secret text;
