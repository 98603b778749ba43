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
}
