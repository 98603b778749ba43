package dev.perfplatform.moalog.ai;

import static dev.perfplatform.moalog.Rows.number;

import dev.perfplatform.moalog.MoalogSettings;
import dev.perfplatform.moalog.api.ApiException;
import dev.perfplatform.moalog.api.ErrorCode;
import java.time.Clock;
import java.time.YearMonth;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Each member's use of the AI per calendar month in the service's zone. {@link #used} is only a cheap early refusal;
 * {@link #charge} is the rule: one conditional {@code UPDATE} that counts a use only while under the limit, run in
 * the transaction that keeps the result, so a failed call is never charged and concurrent calls cannot overshoot.
 */
@Component
class AiUsage {

    private final DatabaseClient db;
    private final Clock clock;
    private final MoalogSettings settings;

    AiUsage(DatabaseClient db, Clock clock, MoalogSettings settings) {
        this.db = db;
        this.clock = clock;
        this.settings = settings;
    }

    /** Uses of {@code feature} by the member this month so far. */
    Mono<Integer> used(long memberId, AiFeature feature) {
        return db.sql("SELECT used FROM ai_usage WHERE member_id = :member AND usage_month = :month AND kind = :kind")
                .bind("member", memberId)
                .bind("month", month())
                .bind("kind", feature.name())
                .map(row -> (int) number(row, "used"))
                .one()
                .defaultIfEmpty(0);
    }

    /** Refuses with {@code refusal} when {@code used} has reached {@code limit}. */
    static Mono<Void> requireUnder(int used, int limit, ErrorCode refusal) {
        return limit != AiLimits.UNLIMITED && used >= limit ? Mono.error(new ApiException(refusal)) : Mono.empty();
    }

    /**
     * Counts one use, in the caller's transaction, unless that would pass {@code limit} ({@code refusal} then); the
     * uses this month including this one.
     */
    Mono<Integer> charge(long memberId, AiFeature feature, int limit, ErrorCode refusal) {
        String month = month();
        return db.sql("""
                        INSERT INTO ai_usage (member_id, usage_month, kind, used) VALUES (:member, :month, :kind, 0)
                        ON DUPLICATE KEY UPDATE used = used""")
                .bind("member", memberId)
                .bind("month", month)
                .bind("kind", feature.name())
                .fetch()
                .rowsUpdated()
                .then(db.sql("""
                                UPDATE ai_usage SET used = used + 1
                                WHERE member_id = :member AND usage_month = :month AND kind = :kind
                                  AND (:limit < 0 OR used < :limit)""")
                        .bind("member", memberId)
                        .bind("month", month)
                        .bind("kind", feature.name())
                        .bind("limit", limit)
                        .fetch()
                        .rowsUpdated())
                .flatMap(charged -> charged == 1
                        ? db.sql("""
                                        SELECT used FROM ai_usage
                                        WHERE member_id = :member AND usage_month = :month AND kind = :kind""")
                                .bind("member", memberId)
                                .bind("month", month)
                                .bind("kind", feature.name())
                                .map(row -> (int) number(row, "used"))
                                .one()
                        : Mono.error(new ApiException(refusal)));
    }

    private String month() {
        return YearMonth.now(clock.withZone(settings.zone())).toString();
    }
}
