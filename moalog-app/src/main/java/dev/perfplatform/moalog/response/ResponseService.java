package dev.perfplatform.moalog.response;

import static dev.perfplatform.moalog.Rows.instant;
import static dev.perfplatform.moalog.Rows.nullableNumber;
import static dev.perfplatform.moalog.Rows.number;
import static dev.perfplatform.moalog.Rows.string;
import static dev.perfplatform.moalog.Rows.utc;

import dev.perfplatform.moalog.api.ApiException;
import dev.perfplatform.moalog.api.ErrorCode;
import dev.perfplatform.moalog.retrospect.RetrospectAccess;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/** Answers, comments and likes; each list one query with its counts, never one query per row. */
@Service
public class ResponseService {

    /** One answer of a page. */
    public record Answer(long responseId, @Nullable String nickname, String content, long likes, long comments) {}

    /** One comment of a page. */
    public record Comment(
            long commentId,
            @Nullable Long memberId,
            @Nullable String nickname,
            String content,
            Instant createdAt) {}

    /** The state of a like after a toggle. */
    public record Like(long responseId, boolean liked, long total) {}

    private final DatabaseClient db;
    private final TransactionalOperator transactions;
    private final RetrospectAccess retrospects;
    private final Clock clock;

    public ResponseService(
            DatabaseClient db, TransactionalOperator transactions, RetrospectAccess retrospects, Clock clock) {
        this.db = db;
        this.transactions = transactions;
        this.retrospects = retrospects;
        this.clock = clock;
    }

    /** A page of the retrospect's submitted, non-blank answers, newest first; {@code question} null for all. */
    public Mono<CursorPage<Answer>> answers(
            long retrospectId, long memberId, @Nullable Integer question, long cursor, int size) {
        String byQuestion = question == null ? "" : " AND r.question_number = :question";
        return retrospects.require(retrospectId, memberId).then(Mono.defer(() -> {
            var spec = db.sql("""
                            SELECT r.response_id, mb.nickname, r.content,
                                   (SELECT COUNT(*) FROM response_like l WHERE l.response_id = r.response_id) AS likes,
                                   (SELECT COUNT(*) FROM response_comment c WHERE c.response_id = r.response_id)
                                       AS comments
                            FROM response r
                            JOIN member_retro p ON p.member_retro_id = r.member_retro_id
                            LEFT JOIN member mb ON mb.member_id = p.member_id
                            WHERE r.retrospect_id = :retrospect AND p.status <> 'DRAFT' AND TRIM(r.content) <> ''
                              AND r.response_id < :cursor""" + byQuestion + """

                            ORDER BY r.response_id DESC
                            LIMIT :limit""")
                    .bind("retrospect", retrospectId)
                    .bind("cursor", cursor)
                    .bind("limit", size + 1);
            if (question != null) {
                spec = spec.bind("question", question);
            }
            return spec.map(row -> new Answer(
                            number(row, "response_id"),
                            row.get("nickname", String.class),
                            string(row, "content"),
                            number(row, "likes"),
                            number(row, "comments")))
                    .all()
                    .collectList()
                    .map(found -> CursorPage.of(found, size, Answer::responseId));
        }));
    }

    /** A page of the answer's comments, newest first. */
    public Mono<CursorPage<Comment>> comments(long responseId, long memberId, long cursor, int size) {
        return requireVisible(responseId, memberId)
                .then(db.sql("""
                                SELECT c.response_comment_id, c.member_id, mb.nickname, c.content, c.created_at
                                FROM response_comment c LEFT JOIN member mb ON mb.member_id = c.member_id
                                WHERE c.response_id = :response AND c.response_comment_id < :cursor
                                ORDER BY c.response_comment_id DESC
                                LIMIT :limit""")
                        .bind("response", responseId)
                        .bind("cursor", cursor)
                        .bind("limit", size + 1)
                        .map(row -> new Comment(
                                number(row, "response_comment_id"),
                                nullableNumber(row, "member_id"),
                                row.get("nickname", String.class),
                                string(row, "content"),
                                instant(row, "created_at")))
                        .all()
                        .collectList())
                .map(found -> CursorPage.of(found, size, Comment::commentId));
    }

    public Mono<Comment> comment(long responseId, long memberId, String content) {
        Instant now = clock.instant();
        return requireVisible(responseId, memberId)
                .then(db.sql("""
                                INSERT INTO response_comment (response_id, member_id, content, created_at, updated_at)
                                VALUES (:response, :member, :content, :now, :now)""")
                        .bind("response", responseId)
                        .bind("member", memberId)
                        .bind("content", content)
                        .bind("now", utc(now))
                        .filter(statement -> statement.returnGeneratedValues("response_comment_id"))
                        .map(row -> number(row, "response_comment_id"))
                        .one())
                .map(id -> new Comment(id, memberId, null, content, now));
    }

    /**
     * Likes the answer, or takes the like back if the member had one: toggles of one answer take turns on its row
     * lock, and one like per member and answer is also the unique constraint's.
     */
    public Mono<Like> toggleLike(long responseId, long memberId) {
        Instant now = clock.instant();
        return requireVisible(responseId, memberId)
                .then(Mono.defer(() -> lockResponse(responseId)
                        .then(db.sql("DELETE FROM response_like WHERE member_id = :member AND response_id = :response")
                                .bind("member", memberId)
                                .bind("response", responseId)
                                .fetch()
                                .rowsUpdated())
                        .flatMap(removed -> removed > 0
                                ? Mono.just(false)
                                : db.sql("""
                                                INSERT INTO response_like (response_id, member_id, created_at)
                                                VALUES (:response, :member, :now)""")
                                        .bind("response", responseId)
                                        .bind("member", memberId)
                                        .bind("now", utc(now))
                                        .fetch()
                                        .rowsUpdated()
                                        .thenReturn(true))
                        .as(transactions::transactional)))
                .retryWhen(Retry.max(3).filter(failure -> failure instanceof TransientDataAccessException))
                .flatMap(liked -> db.sql("SELECT COUNT(*) AS total FROM response_like WHERE response_id = :response")
                        .bind("response", responseId)
                        .map(row -> new Like(responseId, liked, number(row, "total")))
                        .one());
    }

    /**
     * Locks the answer's row for the transaction, so toggles of its likes take turns: each sees the previous one's
     * outcome, and two toggles never deadlock on the likes' index.
     */
    private Mono<Long> lockResponse(long responseId) {
        return db.sql("SELECT response_id FROM response WHERE response_id = :response FOR UPDATE")
                .bind("response", responseId)
                .map(row -> number(row, "response_id"))
                .one();
    }

    /**
     * The answer must exist and be submitted ({@code RES4041}) and the member must be in its room
     * ({@code RETRO4031}).
     */
    private Mono<Void> requireVisible(long responseId, long memberId) {
        return db.sql("""
                        SELECT (SELECT COUNT(*) FROM member_retro_room m
                                WHERE m.retro_room_id = t.retro_room_id AND m.member_id = :member) AS member
                        FROM response r
                        JOIN member_retro p ON p.member_retro_id = r.member_retro_id
                        JOIN retrospect t ON t.retrospect_id = r.retrospect_id
                        WHERE r.response_id = :response AND p.status <> 'DRAFT'""")
                .bind("member", memberId)
                .bind("response", responseId)
                .map(row -> number(row, "member") > 0)
                .one()
                .switchIfEmpty(Mono.error(() -> new ApiException(ErrorCode.RESPONSE_NOT_FOUND)))
                .flatMap(isMember ->
                        isMember ? Mono.<Void>empty() : Mono.error(new ApiException(ErrorCode.NOT_ROOM_MEMBER)));
    }
}
