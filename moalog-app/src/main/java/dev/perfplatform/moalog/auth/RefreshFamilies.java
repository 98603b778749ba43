package dev.perfplatform.moalog.auth;

import static dev.perfplatform.moalog.Rows.utc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Refresh-token families in the database, one per sign-in. A refresh presents the family's current token id and
 * swaps it for a new one in one conditional update, so of two refreshes racing with the same token exactly one wins;
 * a token id that is no longer current (a token replayed after rotation: stolen, or a client gone wrong) revokes the
 * whole family, signing that device out.
 */
@Repository
class RefreshFamilies {

    /** A family's token after a start or a rotation. */
    record Current(String familyId, String tokenId, Instant expiresAt) {}

    private final DatabaseClient db;
    private final Clock clock;

    RefreshFamilies(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    Mono<Current> start(long memberId, Duration lifetime) {
        Instant now = clock.instant();
        Current current =
                new Current(UUID.randomUUID().toString(), UUID.randomUUID().toString(), now.plus(lifetime));
        return db.sql("""
                        INSERT INTO refresh_token_family
                            (family_id, member_id, current_jti, expires_at, created_at, updated_at)
                        VALUES (:family, :member, :jti, :expires, :now, :now)""")
                .bind("family", current.familyId())
                .bind("member", memberId)
                .bind("jti", current.tokenId())
                .bind("expires", utc(current.expiresAt()))
                .bind("now", utc(now))
                .then()
                .thenReturn(current);
    }

    /**
     * The family's next token, if {@code tokenId} is its current one and the family is neither revoked nor expired;
     * empty otherwise, after revoking the family when {@code tokenId} was one it had already rotated away.
     */
    Mono<Current> rotate(long memberId, String familyId, String tokenId, Duration lifetime) {
        Instant now = clock.instant();
        Current next = new Current(familyId, UUID.randomUUID().toString(), now.plus(lifetime));
        return db.sql("""
                        UPDATE refresh_token_family
                        SET current_jti = :next, expires_at = :expires, updated_at = :now
                        WHERE family_id = :family AND member_id = :member AND current_jti = :jti
                          AND revoked_at IS NULL AND expires_at > :now""")
                .bind("next", next.tokenId())
                .bind("expires", utc(next.expiresAt()))
                .bind("now", utc(now))
                .bind("family", familyId)
                .bind("member", memberId)
                .bind("jti", tokenId)
                .fetch()
                .rowsUpdated()
                .flatMap(updated -> updated == 1
                        ? Mono.just(next)
                        : revokeReplayed(memberId, familyId, tokenId).then(Mono.<Current>empty()));
    }

    /** Revokes the family (logout); false when it was not the member's or already revoked. */
    Mono<Boolean> revoke(long memberId, String familyId) {
        return db.sql("""
                        UPDATE refresh_token_family SET revoked_at = :now, updated_at = :now
                        WHERE family_id = :family AND member_id = :member AND revoked_at IS NULL""")
                .bind("now", utc(clock.instant()))
                .bind("family", familyId)
                .bind("member", memberId)
                .fetch()
                .rowsUpdated()
                .map(updated -> updated == 1);
    }

    private Mono<Long> revokeReplayed(long memberId, String familyId, String tokenId) {
        return db.sql("""
                        UPDATE refresh_token_family SET revoked_at = :now, updated_at = :now
                        WHERE family_id = :family AND member_id = :member AND current_jti <> :jti
                          AND revoked_at IS NULL""")
                .bind("now", utc(clock.instant()))
                .bind("family", familyId)
                .bind("member", memberId)
                .bind("jti", tokenId)
                .fetch()
                .rowsUpdated();
    }
}
