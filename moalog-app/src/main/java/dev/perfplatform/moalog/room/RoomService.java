package dev.perfplatform.moalog.room;

import static dev.perfplatform.moalog.Rows.instant;
import static dev.perfplatform.moalog.Rows.nullableNumber;
import static dev.perfplatform.moalog.Rows.number;
import static dev.perfplatform.moalog.Rows.string;
import static dev.perfplatform.moalog.Rows.utc;

import dev.perfplatform.moalog.api.ApiException;
import dev.perfplatform.moalog.api.ErrorCode;
import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The rooms' rules over the database. Uniqueness is the database's: one membership per (member, room), so concurrent
 * joins give one membership and the others {@code RETRO4092}; one title per owner ({@code RETRO4091}); invite codes
 * unique (a collision, about one in a trillion, is retried with a new code).
 */
@Service
public class RoomService {

    /** One room of a member's list, in its order. */
    public record Listed(long retroRoomId, String retroRoomName, int orderIndex) {}

    /** A membership just made: the room and when the member joined it. */
    public record Joined(Room room, Instant joinedAt) {}

    /** One member of a room. */
    public record RoomMember(long memberId, String nickname, RoomRole role, Instant joinedAt) {}

    private final DatabaseClient db;
    private final TransactionalOperator transactions;
    private final RoomAccess access;
    private final Clock clock;
    private final InviteCodes inviteCodes = new InviteCodes();

    public RoomService(DatabaseClient db, TransactionalOperator transactions, RoomAccess access, Clock clock) {
        this.db = db;
        this.transactions = transactions;
        this.access = access;
        this.clock = clock;
    }

    /** A new room owned by {@code memberId}, last in its list. */
    public Mono<Room> create(long memberId, String title, @Nullable String description) {
        return Mono.defer(() -> {
                    Instant now = clock.instant();
                    String code = inviteCodes.next();
                    return db.sql("""
                                    INSERT INTO retro_room (owner_id, title, description, invite_code,
                                                            invite_code_created_at, created_at, updated_at)
                                    VALUES (:owner, :title, :description, :code, :now, :now, :now)""")
                            .bind("owner", memberId)
                            .bind("title", title)
                            .bind("description", description == null ? "" : description)
                            .bind("code", code)
                            .bind("now", utc(now))
                            .filter(statement -> statement.returnGeneratedValues("retro_room_id"))
                            .map(row -> number(row, "retro_room_id"))
                            .one()
                            .flatMap(roomId -> addMember(roomId, memberId, RoomRole.OWNER, now)
                                    .thenReturn(new Room(roomId, memberId, title, description, code, now, now)))
                            .as(transactions::transactional);
                })
                .retryWhen(Retry.max(4).filter(RoomService::inviteCodeTaken))
                .onErrorMap(RoomService::titleTaken, failure -> new ApiException(ErrorCode.ROOM_TITLE_TAKEN));
    }

    /** Joins the room of {@code invite}: a code, or a link that contains one. */
    public Mono<Joined> join(long memberId, String invite) {
        String code = InviteCodes.parse(invite);
        if (code == null) {
            return Mono.error(new ApiException(ErrorCode.INVALID_INVITE_LINK));
        }
        Instant now = clock.instant();
        return findByCode(code)
                .switchIfEmpty(Mono.error(() -> new ApiException(ErrorCode.ROOM_NOT_FOUND, "초대 코드에 해당하는 회고방이 없습니다.")))
                .flatMap(room -> {
                    if (InviteCodes.expired(room.inviteCodeCreatedAt(), now)) {
                        return Mono.error(new ApiException(ErrorCode.INVITE_EXPIRED));
                    }
                    return addMember(room.roomId(), memberId, RoomRole.MEMBER, now)
                            .onErrorMap(
                                    failure ->
                                            String.valueOf(failure.getMessage()).contains("uq_member_retro_room"),
                                    failure -> new ApiException(ErrorCode.ALREADY_MEMBER))
                            .thenReturn(new Joined(room, now));
                });
    }

    public Flux<Listed> list(long memberId) {
        return db.sql("""
                        SELECT r.retro_room_id, r.title, m.order_index
                        FROM member_retro_room m JOIN retro_room r ON r.retro_room_id = m.retro_room_id
                        WHERE m.member_id = :member
                        ORDER BY m.order_index, r.retro_room_id""")
                .bind("member", memberId)
                .map(row -> new Listed(
                        number(row, "retro_room_id"), string(row, "title"), (int) number(row, "order_index")))
                .all();
    }

    /** The room's members, its owner first, then by when they joined. */
    public Flux<RoomMember> members(long roomId, long memberId) {
        return access.require(roomId, memberId)
                .thenMany(db.sql("""
                                SELECT m.member_id, mb.nickname, m.role, m.created_at
                                FROM member_retro_room m JOIN member mb ON mb.member_id = m.member_id
                                WHERE m.retro_room_id = :room
                                ORDER BY CASE m.role WHEN 'OWNER' THEN 0 ELSE 1 END, m.created_at,
                                         m.member_retro_room_id""")
                        .bind("room", roomId)
                        .map(row -> new RoomMember(
                                number(row, "member_id"),
                                string(row, "nickname"),
                                RoomRole.valueOf(string(row, "role")),
                                instant(row, "created_at")))
                        .all());
    }

    /**
     * Sets the member's order of the given rooms, all or nothing: every room must be one the member is in
     * ({@code RETRO4031}, or {@code RETRO4041} for a room that does not exist), and rooms and positions each
     * appear once ({@code RETRO4004}).
     */
    public Mono<Void> reorder(long memberId, List<RoomRequests.Order> orders) {
        Set<Long> rooms = new HashSet<>();
        Set<Integer> positions = new HashSet<>();
        for (RoomRequests.Order order : orders) {
            if (!rooms.add(order.retroRoomId()) || !positions.add(order.orderIndex())) {
                return Mono.error(new ApiException(ErrorCode.INVALID_ORDER, "회고방과 순서는 각각 한 번씩만 올 수 있습니다."));
            }
        }
        return Flux.fromIterable(orders)
                .concatMap(order -> access.require(order.retroRoomId(), memberId)
                        .then(db.sql("""
                                        UPDATE member_retro_room SET order_index = :position
                                        WHERE member_id = :member AND retro_room_id = :room""")
                                .bind("position", order.orderIndex())
                                .bind("member", memberId)
                                .bind("room", order.retroRoomId())
                                .fetch()
                                .rowsUpdated()))
                .then()
                .as(transactions::transactional);
    }

    /** Renames the room (its owner only); returns it renamed. */
    public Mono<Room> rename(long roomId, long memberId, String name) {
        Instant now = clock.instant();
        return access.requireOwner(roomId, memberId)
                .then(db.sql("UPDATE retro_room SET title = :title, updated_at = :now WHERE retro_room_id = :room")
                        .bind("title", name)
                        .bind("now", utc(now))
                        .bind("room", roomId)
                        .fetch()
                        .rowsUpdated())
                .onErrorMap(RoomService::titleTaken, failure -> new ApiException(ErrorCode.ROOM_TITLE_TAKEN))
                .then(find(roomId));
    }

    /** Deletes the room with everything in it (its owner only); returns when. */
    public Mono<Instant> delete(long roomId, long memberId) {
        Instant now = clock.instant();
        return access.requireOwner(roomId, memberId)
                .then(db.sql("DELETE FROM retro_room WHERE retro_room_id = :room")
                        .bind("room", roomId)
                        .fetch()
                        .rowsUpdated())
                .thenReturn(now);
    }

    /**
     * Hands each room {@code memberId} owns to the member who joined it first among the others, who becomes its owner;
     * a room nobody else is in is deleted. A room whose every other member already owns a room of the same title
     * keeps no owner (titles stay unique per owner). Meant for the transaction that removes the member: the rooms are
     * locked until it ends.
     */
    public Mono<Void> handOverRoomsOf(long memberId) {
        return db.sql("SELECT retro_room_id FROM retro_room WHERE owner_id = :member FOR UPDATE")
                .bind("member", memberId)
                .map(row -> number(row, "retro_room_id"))
                .all()
                .concatMap(roomId -> successor(roomId, memberId)
                        .flatMap(successor -> promote(roomId, successor))
                        .switchIfEmpty(Mono.defer(() -> deleteIfAlone(roomId, memberId))))
                .then();
    }

    private Mono<Long> successor(long roomId, long ownerId) {
        return db.sql("""
                        SELECT m.member_id
                        FROM member_retro_room m JOIN retro_room r ON r.retro_room_id = m.retro_room_id
                        WHERE m.retro_room_id = :room AND m.member_id <> :owner
                          AND NOT EXISTS (SELECT 1 FROM retro_room o WHERE o.owner_id = m.member_id AND o.title = r.title)
                        ORDER BY m.created_at, m.member_retro_room_id
                        LIMIT 1""")
                .bind("room", roomId)
                .bind("owner", ownerId)
                .map(row -> number(row, "member_id"))
                .one();
    }

    private Mono<Long> promote(long roomId, long successor) {
        return db.sql("UPDATE retro_room SET owner_id = :successor, updated_at = :now WHERE retro_room_id = :room")
                .bind("successor", successor)
                .bind("now", utc(clock.instant()))
                .bind("room", roomId)
                .fetch()
                .rowsUpdated()
                .then(db.sql("""
                                UPDATE member_retro_room SET role = 'OWNER'
                                WHERE retro_room_id = :room AND member_id = :successor""")
                        .bind("room", roomId)
                        .bind("successor", successor)
                        .fetch()
                        .rowsUpdated());
    }

    private Mono<Long> deleteIfAlone(long roomId, long ownerId) {
        return db.sql("""
                        DELETE FROM retro_room
                        WHERE retro_room_id = :room
                          AND NOT EXISTS (SELECT 1 FROM member_retro_room
                                          WHERE retro_room_id = :room AND member_id <> :owner)""").bind("room", roomId).bind("owner", ownerId).fetch().rowsUpdated();
    }

    /** A new invite code for the room (its owner only); the old one stops working. */
    public Mono<Room> regenerateInvite(long roomId, long memberId) {
        return access.requireOwner(roomId, memberId)
                .then(Mono.defer(() -> db.sql("""
                                UPDATE retro_room SET invite_code = :code, invite_code_created_at = :now,
                                                      updated_at = :now
                                WHERE retro_room_id = :room""")
                        .bind("code", inviteCodes.next())
                        .bind("now", utc(clock.instant()))
                        .bind("room", roomId)
                        .fetch()
                        .rowsUpdated()))
                .retryWhen(Retry.max(4).filter(RoomService::inviteCodeTaken))
                .then(find(roomId));
    }

    public Mono<Room> find(long roomId) {
        return db.sql("SELECT * FROM retro_room WHERE retro_room_id = :room")
                .bind("room", roomId)
                .map(RoomService::room)
                .one()
                .switchIfEmpty(Mono.error(() -> new ApiException(ErrorCode.ROOM_NOT_FOUND)));
    }

    private Mono<Room> findByCode(String code) {
        return db.sql("SELECT * FROM retro_room WHERE invite_code = :code")
                .bind("code", code)
                .map(RoomService::room)
                .one();
    }

    private Mono<Long> addMember(long roomId, long memberId, RoomRole role, Instant now) {
        return db.sql("""
                        INSERT INTO member_retro_room (member_id, retro_room_id, role, order_index, created_at)
                        SELECT :member, :room, :role, COALESCE(MAX(order_index), 0) + 1, :now
                        FROM member_retro_room WHERE member_id = :member""")
                .bind("member", memberId)
                .bind("room", roomId)
                .bind("role", role.name())
                .bind("now", utc(now))
                .fetch()
                .rowsUpdated();
    }

    private static Room room(Readable row) {
        String description = row.get("description", String.class);
        return new Room(
                number(row, "retro_room_id"),
                nullableNumber(row, "owner_id"),
                string(row, "title"),
                description == null || description.isEmpty() ? null : description,
                string(row, "invite_code"),
                instant(row, "invite_code_created_at"),
                instant(row, "updated_at"));
    }

    private static boolean titleTaken(Throwable failure) {
        return failure instanceof DataIntegrityViolationException
                && String.valueOf(failure.getMessage()).contains("uq_retro_room_owner_title");
    }

    private static boolean inviteCodeTaken(Throwable failure) {
        return failure instanceof DataIntegrityViolationException
                && String.valueOf(failure.getMessage()).contains("uq_retro_room_invite_code");
    }
}
