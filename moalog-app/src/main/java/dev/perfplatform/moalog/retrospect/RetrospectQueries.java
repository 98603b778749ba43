package dev.perfplatform.moalog.retrospect;

import static dev.perfplatform.moalog.Rows.instant;
import static dev.perfplatform.moalog.Rows.number;
import static dev.perfplatform.moalog.Rows.string;
import static dev.perfplatform.moalog.Rows.utc;

import dev.perfplatform.moalog.api.ApiException;
import dev.perfplatform.moalog.api.ErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;

/** A member's storage (its submitted retrospects by period) and search across its rooms, each one query. */
@Service
public class RetrospectQueries {

    /** The storage's periods, as the API names them. */
    public enum Range {
        ALL(null),
        THREE_MONTHS(Period.ofMonths(3)),
        SIX_MONTHS(Period.ofMonths(6)),
        ONE_YEAR(Period.ofYears(1));

        private final @Nullable Period period;

        Range(@Nullable Period period) {
            this.period = period;
        }

        /** {@code ALL}, {@code 3_MONTHS}, {@code 6_MONTHS} or {@code 1_YEAR}; {@code COMMON400} otherwise. */
        public static Range of(String name) {
            return switch (name) {
                case "ALL" -> ALL;
                case "3_MONTHS" -> THREE_MONTHS;
                case "6_MONTHS" -> SIX_MONTHS;
                case "1_YEAR" -> ONE_YEAR;
                default ->
                    throw new ApiException(ErrorCode.BAD_REQUEST, "range는 ALL, 3_MONTHS, 6_MONTHS, 1_YEAR 중 하나여야 합니다.");
            };
        }
    }

    /** One submitted retrospect of the storage. */
    public record Stored(long retrospectId, Instant submittedAt, String title, RetrospectMethod method, long members) {}

    /** One search hit. */
    public record Found(
            long retrospectId, String title, String roomTitle, RetrospectMethod method, Instant startTime) {}

    static final int MAX_KEYWORD = 20;
    static final int MAX_HITS = 100;

    private final DatabaseClient db;
    private final Clock clock;

    public RetrospectQueries(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The member's submitted (or analysed) retrospects in the range, latest submission first. */
    public Flux<Stored> storage(long memberId, Range range, ZoneId zone) {
        Instant since = range.period == null
                ? Instant.EPOCH
                : clock.instant().atZone(zone).minus(range.period).toInstant();
        return db.sql("""
                        SELECT r.retrospect_id, p.submitted_at, r.title, r.retrospect_method,
                               (SELECT COUNT(*) FROM member_retro q WHERE q.retrospect_id = r.retrospect_id) AS members
                        FROM member_retro p JOIN retrospect r ON r.retrospect_id = p.retrospect_id
                        WHERE p.member_id = :member AND p.status <> 'DRAFT' AND p.submitted_at >= :since
                        ORDER BY p.submitted_at DESC, r.retrospect_id DESC""")
                .bind("member", memberId)
                .bind("since", utc(since))
                .map(row -> new Stored(
                        number(row, "retrospect_id"),
                        instant(row, "submitted_at"),
                        string(row, "title"),
                        RetrospectMethod.valueOf(string(row, "retrospect_method")),
                        number(row, "members")))
                .all();
    }

    /** Retrospects of the member's rooms whose title contains the keyword, latest start first (at most 100). */
    public Flux<Found> search(long memberId, String keyword) {
        String trimmed = keyword.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_KEYWORD) {
            throw new ApiException(ErrorCode.SEARCH_KEYWORD_INVALID);
        }
        String pattern = "%" + trimmed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return db.sql("""
                        SELECT r.retrospect_id, r.title, room.title AS room_title, r.retrospect_method, r.start_time
                        FROM member_retro_room m
                        JOIN retro_room room ON room.retro_room_id = m.retro_room_id
                        JOIN retrospect r ON r.retro_room_id = m.retro_room_id
                        WHERE m.member_id = :member AND r.title LIKE :pattern
                        ORDER BY r.start_time DESC, r.retrospect_id DESC
                        LIMIT""" + " " + MAX_HITS)
                .bind("member", memberId)
                .bind("pattern", pattern)
                .map(row -> new Found(
                        number(row, "retrospect_id"),
                        string(row, "title"),
                        string(row, "room_title"),
                        RetrospectMethod.valueOf(string(row, "retrospect_method")),
                        instant(row, "start_time")))
                .all();
    }
}
