-- Rotating a merchant's credentials without downtime: the previous API key keeps authenticating, and webhooks are
-- signed with the previous secret as well as the new one (Standard Webhooks carries several signatures), until the
-- grace period set at rotation ends.

ALTER TABLE merchants ADD COLUMN previous_api_key_hash bytea CHECK (length(previous_api_key_hash) = 32);
ALTER TABLE merchants ADD COLUMN previous_api_key_expires_at timestamptz;
ALTER TABLE merchants ADD CONSTRAINT merchants_previous_api_key_complete
    CHECK ((previous_api_key_hash IS NULL) = (previous_api_key_expires_at IS NULL));
CREATE UNIQUE INDEX merchants_by_previous_api_key ON merchants (previous_api_key_hash)
    WHERE previous_api_key_hash IS NOT NULL;

ALTER TABLE merchants ADD COLUMN previous_webhook_secret text CHECK (previous_webhook_secret LIKE 'whsec\_%');
ALTER TABLE merchants ADD COLUMN previous_webhook_secret_expires_at timestamptz;
ALTER TABLE merchants ADD CONSTRAINT merchants_previous_webhook_secret_complete
    CHECK ((previous_webhook_secret IS NULL) = (previous_webhook_secret_expires_at IS NULL));
