package dev.perfplatform.fluxpay.merchant;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Merchants in PostgreSQL. */
@Repository
public class MerchantRepository {

    private final DatabaseClient db;

    public MerchantRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Merchant> findByApiKey(String apiKey) {
        return db.sql("SELECT id, name, webhook_url FROM merchants WHERE api_key_hash = :hash")
                .bind("hash", ApiKeys.hash(apiKey))
                .map((row, meta) -> new Merchant(
                        row.get("id", UUID.class), row.get("name", String.class), row.get("webhook_url", String.class)))
                .one();
    }

    /** Creates the merchant unless one already has this API key; returns whether it was created. */
    public Mono<Boolean> createIfAbsent(UUID id, String name, String apiKey, @Nullable String webhookUrl) {
        DatabaseClient.GenericExecuteSpec insert =
                db.sql("""
                        INSERT INTO merchants (id, name, api_key_hash, webhook_url)
                        VALUES (:id, :name, :hash, :webhookUrl)
                        ON CONFLICT (api_key_hash) DO NOTHING""").bind("id", id).bind("name", name).bind("hash", ApiKeys.hash(apiKey));
        insert = webhookUrl == null
                ? insert.bindNull("webhookUrl", String.class)
                : insert.bind("webhookUrl", webhookUrl);
        return insert.fetch().rowsUpdated().map(rows -> rows > 0);
    }

    /**
     * Applies the configured webhook URL (when given; a new URL re-enables an endpoint disabled by a 410) and signing
     * secret (when given), or stores {@code generatedSecret} if the merchant has no secret yet; returns whether the
     * generated secret was stored. Secrets are {@code whsec_} strings.
     */
    public Mono<Boolean> configureWebhooks(
            UUID id, @Nullable String webhookUrl, @Nullable String secret, String generatedSecret) {
        DatabaseClient.GenericExecuteSpec update = db.sql("""
                        UPDATE merchants
                        SET webhook_disabled_at = CASE WHEN webhook_url IS DISTINCT FROM COALESCE(:url, webhook_url)
                                                       THEN NULL ELSE webhook_disabled_at END,
                            webhook_url = COALESCE(:url, webhook_url),
                            webhook_secret = COALESCE(:secret, webhook_secret, :generated)
                        WHERE id = :id
                        RETURNING webhook_secret = :generated AS generated""").bind("id", id).bind("generated", generatedSecret);
        update = webhookUrl == null ? update.bindNull("url", String.class) : update.bind("url", webhookUrl);
        update = secret == null ? update.bindNull("secret", String.class) : update.bind("secret", secret);
        return update.map(row -> Boolean.TRUE.equals(row.get("generated", Boolean.class)))
                .one()
                .defaultIfEmpty(false);
    }
}
