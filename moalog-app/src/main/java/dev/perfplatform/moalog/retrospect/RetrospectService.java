package dev.perfplatform.moalog.retrospect;

import static dev.perfplatform.moalog.Rows.instant;
import static dev.perfplatform.moalog.Rows.nullableNumber;
import static dev.perfplatform.moalog.Rows.number;
import static dev.perfplatform.moalog.Rows.string;
import static dev.perfplatform.moalog.Rows.utc;

import dev.perfplatform.moalog.api.ApiException;
import dev.perfplatform.moalog.api.ApiTimes;
import dev.perfplatform.moalog.api.ErrorCode;
import dev.perfplatform.moalog.room.RoomAccess;
import dev.perfplatform.moalog.room.RoomRole;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Creating, reading and deleting retrospects. */
@Service
public class RetrospectService {

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm").withResolverStyle(ResolverStyle.STRICT);

    /** One retrospect of a room's list. */
    public record InRoom(
            long retrospectId, String projectName, RetrospectMethod method, Instant startTime, long participantCount) {}

    /** A participant as the detail shows it: {@code nickname} null once withdrawn. */
    public record Participant(
            @Nullable Long memberId, @Nullable String nickname) {}

    /** A retrospect's detail. */
    public record Detail(Retrospect retrospect, List<Participant> participants, long totalLikes, long totalComments) {}

    /** One reference link. */
    public record Reference(long referenceId, String url) {}

    private final DatabaseClient db;
    private final TransactionalOperator transactions;
    private final RoomAccess rooms;
    private final RetrospectAccess access;
    private final ApiTimes times;
    private final Clock clock;

    public RetrospectService(
            DatabaseClient db,
            TransactionalOperator transactions,
            RoomAccess rooms,
            RetrospectAccess access,
            ApiTimes times,
            Clock clock) {
        this.db = db;
        this.transactions = transactions;
        this.rooms = rooms;
        this.access = access;
        this.times = times;
        this.clock = clock;
    }

    /** A new retrospect in a room the member is in, starting at a future date and time in the service's zone. */
    public Mono<Retrospect> create(long memberId, RetrospectRequests.Create request) {
        Instant start = startOf(request.retrospectDate(), request.retrospectTime());
        Instant now = clock.instant();
        if (!start.isAfter(now)) {
            return Mono.error(new ApiException(ErrorCode.BAD_REQUEST, "회고 일시는 현재 이후여야 합니다."));
        }
        List<String> urls = ReferenceUrls.check(request.referenceUrls());
        String title = request.projectName().strip();
        long roomId = request.retroRoomId();
        return rooms.require(roomId, memberId)
                .then(db.sql("""
                                INSERT INTO retrospect (retro_room_id, creator_id, title, retrospect_method,
                                                        start_time, created_at, updated_at)
                                VALUES (:room, :creator, :title, :method, :start, :now, :now)""")
                        .bind("room", roomId)
                        .bind("creator", memberId)
                        .bind("title", title)
                        .bind("method", request.retrospectMethod().name())
                        .bind("start", utc(start))
                        .bind("now", utc(now))
                        .filter(statement -> statement.returnGeneratedValues("retrospect_id"))
                        .map(row -> number(row, "retrospect_id"))
                        .one())
                .flatMap(retrospectId -> Flux.range(0, urls.size())
                        .concatMap(position -> db.sql("""
                                        INSERT INTO retro_reference (retrospect_id, position, url)
                                        VALUES (:retrospect, :position, :url)""")
                                .bind("retrospect", retrospectId)
                                .bind("position", position)
                                .bind("url", urls.get(position))
                                .fetch()
                                .rowsUpdated())
                        .then(Mono.just(new Retrospect(
                                retrospectId, roomId, memberId, title, request.retrospectMethod(), start, null))))
                .as(transactions::transactional);
    }

    public Mono<Detail> detail(long retrospectId, long memberId) {
        return access.require(retrospectId, memberId)
                .flatMap(visible -> Mono.zip(
                                participants(retrospectId).collectList(),
                                db.sql("""
                                        SELECT
                                          (SELECT COUNT(*) FROM response_like l
                                             JOIN response r ON r.response_id = l.response_id
                                             JOIN member_retro p ON p.member_retro_id = r.member_retro_id
                                           WHERE r.retrospect_id = :retrospect AND p.status <> 'DRAFT') AS likes,
                                          (SELECT COUNT(*) FROM response_comment c
                                             JOIN response r ON r.response_id = c.response_id
                                             JOIN member_retro p ON p.member_retro_id = r.member_retro_id
                                           WHERE r.retrospect_id = :retrospect AND p.status <> 'DRAFT') AS comments""")
                                        .bind("retrospect", retrospectId)
                                        .map(row -> new long[] {number(row, "likes"), number(row, "comments")})
                                        .one())
                        .map(found ->
                                new Detail(visible.retrospect(), found.getT1(), found.getT2()[0], found.getT2()[1])));
    }

    /** The room's retrospects, latest start first, each with its number of participants, in one query. */
    public Flux<InRoom> inRoom(long roomId, long memberId) {
        return rooms.require(roomId, memberId)
                .thenMany(db.sql("""
                                SELECT r.retrospect_id, r.title, r.retrospect_method, r.start_time,
                                       (SELECT COUNT(*) FROM member_retro p WHERE p.retrospect_id = r.retrospect_id)
                                           AS participants
                                FROM retrospect r
                                WHERE r.retro_room_id = :room
                                ORDER BY r.start_time DESC, r.retrospect_id DESC""")
                        .bind("room", roomId)
                        .map(row -> new InRoom(
                                number(row, "retrospect_id"),
                                string(row, "title"),
                                RetrospectMethod.valueOf(string(row, "retrospect_method")),
                                instant(row, "start_time"),
                                number(row, "participants")))
                        .all());
    }

    public Flux<Reference> references(long retrospectId, long memberId) {
        return access.require(retrospectId, memberId)
                .thenMany(db.sql("""
                                SELECT retro_reference_id, url FROM retro_reference
                                WHERE retrospect_id = :retrospect ORDER BY position""")
                        .bind("retrospect", retrospectId)
                        .map(row -> new Reference(number(row, "retro_reference_id"), string(row, "url")))
                        .all());
    }

    /**
     * Deletes the retrospect and everything in it, never its room: the room's owner or the retrospect's creator
     * only ({@code RETRO4031}).
     */
    public Mono<Void> delete(long retrospectId, long memberId) {
        return access.require(retrospectId, memberId)
                .flatMap(visible -> visible.role() == RoomRole.OWNER
                                || Objects.equals(visible.retrospect().creatorId(), memberId)
                        ? db.sql("DELETE FROM retrospect WHERE retrospect_id = :retrospect")
                                .bind("retrospect", retrospectId)
                                .fetch()
                                .rowsUpdated()
                                .then()
                        : Mono.error(new ApiException(ErrorCode.DELETE_DENIED)));
    }

    Flux<Participant> participants(long retrospectId) {
        return db.sql("""
                        SELECT p.member_id, mb.nickname FROM member_retro p
                        LEFT JOIN member mb ON mb.member_id = p.member_id
                        WHERE p.retrospect_id = :retrospect ORDER BY p.member_retro_id""")
                .bind("retrospect", retrospectId)
                .map(row -> new Participant(nullableNumber(row, "member_id"), row.get("nickname", String.class)))
                .all();
    }

    private Instant startOf(String date, String time) {
        try {
            return times.instant(LocalDate.parse(date.strip(), DATE), LocalTime.parse(time.strip(), TIME));
        } catch (DateTimeParseException e) {
            throw new ApiException(
                    ErrorCode.BAD_REQUEST, "retrospectDate는 YYYY-MM-DD, retrospectTime은 HH:mm 형식의 올바른 날짜와 시각이어야 합니다.");
        }
    }
}
