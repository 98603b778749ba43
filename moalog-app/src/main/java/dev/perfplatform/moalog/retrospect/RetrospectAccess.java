package dev.perfplatform.moalog.retrospect;

import static dev.perfplatform.moalog.Rows.instant;
import static dev.perfplatform.moalog.Rows.nullableNumber;
import static dev.perfplatform.moalog.Rows.number;
import static dev.perfplatform.moalog.Rows.string;

import dev.perfplatform.moalog.api.ApiException;
import dev.perfplatform.moalog.api.ErrorCode;
import dev.perfplatform.moalog.room.RoomRole;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A retrospect as a member may see it: only a member of its room sees it at all; to anyone else it does not exist
 * ({@code RETRO4041}), so ids cannot be probed.
 */
@Component
public class RetrospectAccess {

    /** A retrospect and the caller's role in its room. */
    public record Visible(Retrospect retrospect, RoomRole role) {}

    private final DatabaseClient db;

    public RetrospectAccess(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Visible> require(long retrospectId, long memberId) {
        return db.sql("""
                        SELECT r.retrospect_id, r.retro_room_id, r.creator_id, r.title, r.retrospect_method,
                               r.start_time, r.insight, m.role
                        FROM retrospect r
                        JOIN member_retro_room m ON m.retro_room_id = r.retro_room_id AND m.member_id = :member
                        WHERE r.retrospect_id = :retrospect""")
                .bind("member", memberId)
                .bind("retrospect", retrospectId)
                .map(row -> new Visible(
                        new Retrospect(
                                number(row, "retrospect_id"),
                                number(row, "retro_room_id"),
                                nullableNumber(row, "creator_id"),
                                string(row, "title"),
                                RetrospectMethod.valueOf(string(row, "retrospect_method")),
                                instant(row, "start_time"),
                                row.get("insight", String.class)),
                        RoomRole.valueOf(string(row, "role"))))
                .one()
                .switchIfEmpty(Mono.error(() -> new ApiException(ErrorCode.RETROSPECT_NOT_FOUND)));
    }
}
