package dev.perfplatform.fluxpay.merchant;

import dev.perfplatform.fluxpay.Rows;
import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Merchants in PostgreSQL. */
@Repository
public class MerchantRepository {

    private final DatabaseClient db;
    private final AuthenticatedKeys authenticated;

    public MerchantRepository(DatabaseClient db, MerchantSettings settings, Clock clock) {
        this.db = db;
        this.authenticated = new AuthenticatedKeys(settings, clock);
    }

    /**
     * The merchant with this API key, or with it as the previous key of a rotation still in its grace period. Answers
     * are cached ({@link MerchantSettings}): a merchant for 5 s, so a key revoked on another instance keeps working
     * that long at most, and a key nobody has for 2 s, so a flood of bad keys is not a flood of queries. Creating a
     * merchant and rotations on this instance take effect at once.
     */
    public Mono<Merchant> findByApiKey(String apiKey) {
        return authenticated.get(ApiKeys.hash(apiKey), this::queryByApiKeyHash);
    }

    private Mono<Merchant> queryByApiKeyHash(byte[] hash) {
        return db.sql("SELECT id, name, webhook_url FROM merchants WHERE api_key_hash = :hash"
                        + " OR (previous_api_key_hash = :hash AND previous_api_key_expires_at > now()) LIMIT 1")
                .bind("hash", hash)
                .map((row, meta) -> new Merchant(
                        row.get("id", UUID.class), row.get("name", String.class), row.get("webhook_url", String.class)))
                .one();
    }

    /** Creates the merchant unless one already has this API key; returns whether it was created. */
    public Mono<Boolean> createIfAbsent(UUID id, String name, String apiKey, @Nullable String webhookUrl) {
        byte[] hash = ApiKeys.hash(apiKey);
        DatabaseClient.GenericExecuteSpec insert =
                db.sql("""
                        INSERT INTO merchants (id, name, api_key_hash, webhook_url)
                        VALUES (:id, :name, :hash, :webhookUrl)
                        ON CONFLICT (api_key_hash) DO NOTHING""").bind("id", id).bind("name", name).bind("hash", hash);
        insert = webhookUrl == null
                ? insert.bindNull("webhookUrl", String.class)
                : insert.bind("webhookUrl", webhookUrl);
        return insert.fetch().rowsUpdated().map(rows -> rows > 0).doOnNext(created -> authenticated.forget(hash));
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
                .defaultIfEmpty(false)
                .doOnNext(configured -> authenticated.forgetAll());
    }

    /** Creates a merchant with its API key (stored hashed) and webhook signing secret. */
    public Mono<MerchantDetails> create(
            UUID id, String name, String apiKey, @Nullable String webhookUrl, String secret) {
        byte[] hash = ApiKeys.hash(apiKey);
        DatabaseClient.GenericExecuteSpec insert = db.sql("""
                        INSERT INTO merchants (id, name, api_key_hash, webhook_url, webhook_secret)
                        VALUES (:id, :name, :hash, :webhookUrl, :secret)
                        RETURNING\s""" + DETAILS)
                .bind("id", id)
                .bind("name", name)
                .bind("hash", hash)
                .bind("secret", secret);
        insert = webhookUrl == null
                ? insert.bindNull("webhookUrl", String.class)
                : insert.bind("webhookUrl", webhookUrl);
        return insert.map(MerchantRepository::toDetails).one().doOnNext(created -> authenticated.forget(hash));
    }

    public Mono<MerchantDetails> details(UUID id) {
        return db.sql("SELECT " + DETAILS + " FROM merchants WHERE id = :id")
                .bind("id", id)
                .map(MerchantRepository::toDetails)
                .one();
    }

    /** Replaces the API key; the current one stays valid for {@code grace}. Empty when there is no such merchant. */
    public Mono<Instant> rotateApiKey(UUID id, String newApiKey, Duration grace) {
        byte[] hash = ApiKeys.hash(newApiKey);
        return db.sql("""
                        UPDATE merchants SET previous_api_key_hash = api_key_hash, api_key_hash = :hash,
                            previous_api_key_expires_at = now() + make_interval(secs => :grace)
                        WHERE id = :id RETURNING previous_api_key_expires_at""")
                .bind("id", id)
                .bind("hash", hash)
                .bind("grace", grace.toMillis() / 1000.0)
                .map(row -> Rows.instant(row, "previous_api_key_expires_at"))
                .one()
                .doOnNext(rotated -> authenticated.forgetAll());
    }

    /**
     * Replaces the webhook signing secret; webhooks are signed with the current one too for {@code grace}. Empty when
     * there is no such merchant.
     */
    public Mono<Instant> rotateWebhookSecret(UUID id, String newSecret, Duration grace) {
        return db.sql("""
                        UPDATE merchants SET previous_webhook_secret = webhook_secret, webhook_secret = :secret,
                            previous_webhook_secret_expires_at = CASE WHEN webhook_secret IS NULL THEN NULL
                                ELSE now() + make_interval(secs => :grace) END
                        WHERE id = :id RETURNING now() + make_interval(secs => :grace) AS until""")
                .bind("id", id)
                .bind("secret", newSecret)
                .bind("grace", grace.toMillis() / 1000.0)
                .map(row -> Rows.instant(row, "until"))
                .one();
    }

    private static final String DETAILS = "id, name, webhook_url, webhook_disabled_at, created_at";

    private static MerchantDetails toDetails(Readable row) {
        return new MerchantDetails(
                Rows.uuid(row, "id"),
                Rows.string(row, "name"),
                row.get("webhook_url", String.class),
                Rows.nullableInstant(row, "webhook_disabled_at") != null,
                Rows.instant(row, "created_at"));
    }
}
