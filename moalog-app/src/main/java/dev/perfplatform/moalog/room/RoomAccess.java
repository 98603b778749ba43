package dev.perfplatform.moalog.room;

import dev.perfplatform.moalog.api.ApiException;
import dev.perfplatform.moalog.api.ErrorCode;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Whether a member belongs to a room, and as what: the one question every room-scoped endpoint asks first. */
@Component
public class RoomAccess {

    private final DatabaseClient db;

    public RoomAccess(DatabaseClient db) {
        this.db = db;
    }

    /** The member's role in the room; empty when the room does not exist or the member is not in it. */
    public Mono<RoomRole> role(long roomId, long memberId) {
        return db.sql("SELECT role FROM member_retro_room WHERE retro_room_id = :room AND member_id = :member")
                .bind("room", roomId)
                .bind("member", memberId)
                .map(row -> RoomRole.valueOf(row.get("role", String.class)))
                .one();
    }

    /**
     * The member's role; {@code RETRO4041} when the room does not exist, {@code RETRO4031} when the member is not
     * in it.
     */
    public Mono<RoomRole> require(long roomId, long memberId) {
        return role(roomId, memberId)
                .switchIfEmpty(Mono.defer(() -> exists(roomId)
                        .flatMap(exists -> Mono.error(
                                new ApiException(exists ? ErrorCode.NOT_ROOM_MEMBER : ErrorCode.ROOM_NOT_FOUND)))));
    }

    /** As {@link #require}, and the member must be the owner ({@code RETRO4031} otherwise). */
    public Mono<Void> requireOwner(long roomId, long memberId) {
        return require(roomId, memberId)
                .flatMap(role -> role == RoomRole.OWNER
                        ? Mono.<Void>empty()
                        : Mono.error(new ApiException(ErrorCode.NOT_ROOM_OWNER)));
    }

    private Mono<Boolean> exists(long roomId) {
        return db.sql("SELECT 1 FROM retro_room WHERE retro_room_id = :room")
                .bind("room", roomId)
                .map(row -> true)
                .first()
                .defaultIfEmpty(false);
    }
}
