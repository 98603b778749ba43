package dev.perfplatform.moalog.retrospect;

import static dev.perfplatform.moalog.Rows.number;
import static dev.perfplatform.moalog.Rows.string;
import static dev.perfplatform.moalog.Rows.utc;

import dev.perfplatform.moalog.api.ApiException;
import dev.perfplatform.moalog.api.ErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Taking part in a retrospect: joining before it starts (once: a unique (retrospect, member) constraint), saving
 * drafts, and submitting exactly once. A draft and a submission both lock the participant's row first ({@code SELECT
 * … FOR UPDATE}), so concurrent submits give one {@code SUBMITTED} and the rest {@code RETRO4033}, and no draft lands
 * after a submission.
 */
@Service
public class Participation {

    /** A new participant. */
    public record Joined(long participantId, long memberId, String nickname) {}

    private final DatabaseClient db;
    private final TransactionalOperator transactions;
    private final RetrospectAccess access;
    private final Clock clock;

    public Participation(DatabaseClient db, TransactionalOperator transactions, RetrospectAccess access, Clock clock) {
        this.db = db;
        this.transactions = transactions;
        this.access = access;
        this.clock = clock;
    }

    /** Makes the member a participant; only before the retrospect starts ({@code RETRO4002}), once ({@code RETRO4091}). */
    public Mono<Joined> join(long retrospectId, long memberId) {
        Instant now = clock.instant();
        return access.require(retrospectId, memberId)
                .flatMap(visible -> visible.retrospect().startTime().isAfter(now)
                        ? db.sql("""
                                        INSERT INTO member_retro (retrospect_id, member_id, status, created_at,
                                                                  updated_at)
                                        VALUES (:retrospect, :member, 'DRAFT', :now, :now)""")
                                .bind("retrospect", retrospectId)
                                .bind("member", memberId)
                                .bind("now", utc(now))
                                .filter(statement -> statement.returnGeneratedValues("member_retro_id"))
                                .map(row -> number(row, "member_retro_id"))
                                .one()
                                .onErrorMap(
                                        failure -> String.valueOf(failure.getMessage())
                                                .contains("uq_member_retro"),
                                        failure -> new ApiException(ErrorCode.ALREADY_PARTICIPANT))
                        : Mono.error(new ApiException(ErrorCode.RETROSPECT_ALREADY_STARTED)))
                .flatMap(participantId -> db.sql("SELECT nickname FROM member WHERE member_id = :member")
                        .bind("member", memberId)
                        .map(row -> new Joined(participantId, memberId, string(row, "nickname")))
                        .one());
    }

    /** Saves the given drafts over earlier ones; returns when. Nothing is saved once the participant has submitted. */
    public Mono<Instant> saveDrafts(long retrospectId, long memberId, List<RetrospectRequests.Answer> drafts) {
        Answers.checkDrafts(drafts);
        Instant now = clock.instant();
        return access.require(retrospectId, memberId)
                .then(lockDraft(retrospectId, memberId)
                        .flatMap(participantId -> upsert(retrospectId, participantId, drafts, now))
                        .as(transactions::transactional))
                .thenReturn(now);
    }

    /** Submits the five answers, once; returns when. */
    public Mono<Instant> submit(long retrospectId, long memberId, List<RetrospectRequests.Answer> answers) {
        Answers.checkSubmission(answers);
        Instant now = clock.instant();
        return access.require(retrospectId, memberId)
                .then(lockDraft(retrospectId, memberId)
                        .flatMap(participantId -> upsert(retrospectId, participantId, answers, now)
                                .then(db.sql("""
                                                UPDATE member_retro
                                                SET status = 'SUBMITTED', submitted_at = :now, updated_at = :now
                                                WHERE member_retro_id = :participant AND status = 'DRAFT'""")
                                        .bind("now", utc(now))
                                        .bind("participant", participantId)
                                        .fetch()
                                        .rowsUpdated()))
                        .as(transactions::transactional))
                .thenReturn(now);
    }

    /** The participant's id, its row locked for this transaction; refused unless it is still drafting. */
    private Mono<Long> lockDraft(long retrospectId, long memberId) {
        return db.sql("""
                        SELECT member_retro_id, status FROM member_retro
                        WHERE retrospect_id = :retrospect AND member_id = :member FOR UPDATE""")
                .bind("retrospect", retrospectId)
                .bind("member", memberId)
                .map(row -> new Object[] {number(row, "member_retro_id"), string(row, "status")})
                .one()
                .switchIfEmpty(Mono.error(() -> new ApiException(ErrorCode.NOT_PARTICIPANT)))
                .flatMap(found -> ParticipantStatus.DRAFT.name().equals(found[1])
                        ? Mono.just((Long) found[0])
                        : Mono.error(new ApiException(ErrorCode.ALREADY_SUBMITTED)));
    }

    private Mono<Void> upsert(
            long retrospectId, long participantId, List<RetrospectRequests.Answer> answers, Instant now) {
        return Flux.fromIterable(answers)
                .concatMap(answer -> db.sql("""
                                INSERT INTO response (retrospect_id, member_retro_id, question_number, content,
                                                      created_at, updated_at)
                                VALUES (:retrospect, :participant, :question, :content, :now, :now)
                                ON DUPLICATE KEY UPDATE content = VALUES(content), updated_at = VALUES(updated_at)""")
                        .bind("retrospect", retrospectId)
                        .bind("participant", participantId)
                        .bind("question", answer.questionNumber())
                        .bind("content", answer.content() == null ? "" : answer.content())
                        .bind("now", utc(now))
                        .fetch()
                        .rowsUpdated())
                .then();
    }
}
