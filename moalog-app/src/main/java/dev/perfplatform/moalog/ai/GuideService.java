package dev.perfplatform.moalog.ai;

import static dev.perfplatform.moalog.Rows.string;

import dev.perfplatform.moalog.api.ApiException;
import dev.perfplatform.moalog.api.ErrorCode;
import dev.perfplatform.moalog.retrospect.RetrospectAccess;
import dev.perfplatform.moalog.retrospect.RetrospectMethod;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Writing guides for one question of a retrospect the member is still drafting: checks in the original's order —
 * a question number from 1 to 5 ({@code RETRO4043}), a participant ({@code RETRO4031}) still drafting
 * ({@code RETRO4033}), quota left ({@code AI4032}) — then the model, then the charge, so a failed call costs nothing.
 */
@Service
public class GuideService {

    /** A draft longer than this is refused, as an answer would be. */
    static final int MAX_DRAFT = 1000;

    /** The guides and what is left of the month's quota ({@link AiLimits#UNLIMITED}: no limit). */
    public record Guides(
            int questionId,
            String questionContent,
            GuideType guideType,
            List<Guide> guides,
            int remainingCount,
            boolean offline) {}

    private final DatabaseClient db;
    private final TransactionalOperator transactions;
    private final RetrospectAccess access;
    private final Analyst analyst;
    private final AiLimits limits;
    private final AiUsage usage;
    private final AiCalls calls;

    GuideService(
            DatabaseClient db,
            TransactionalOperator transactions,
            RetrospectAccess access,
            Analyst analyst,
            AiLimits limits,
            AiUsage usage,
            AiCalls calls) {
        this.db = db;
        this.transactions = transactions;
        this.access = access;
        this.analyst = analyst;
        this.limits = limits;
        this.usage = usage;
        this.calls = calls;
    }

    public Mono<Guides> guide(long retrospectId, int questionId, long memberId, @Nullable String content) {
        if (questionId < 1 || questionId > RetrospectMethod.QUESTIONS) {
            return Mono.error(new ApiException(ErrorCode.QUESTION_NOT_FOUND));
        }
        if (content != null && content.length() > MAX_DRAFT) {
            return Mono.error(new ApiException(ErrorCode.ANSWER_TOO_LONG));
        }
        String draft = content == null || content.isBlank() ? null : content.strip();
        return access.require(retrospectId, memberId)
                .flatMap(visible -> requireDrafting(retrospectId, memberId)
                        .then(limits.monthly(memberId, AiFeature.GUIDE))
                        .flatMap(limit -> usage.used(memberId, AiFeature.GUIDE)
                                .flatMap(used -> AiUsage.requireUnder(used, limit, ErrorCode.AI_GUIDE_LIMIT))
                                .then(Mono.defer(() -> {
                                    GuideInput input = new GuideInput(
                                            visible.retrospect().method().question(questionId), draft);
                                    return calls.counted(analyst, AiFeature.GUIDE, analyst.guide(input))
                                            .flatMap(guides -> Mono.defer(() -> usage.charge(
                                                                    memberId,
                                                                    AiFeature.GUIDE,
                                                                    limit,
                                                                    ErrorCode.AI_GUIDE_LIMIT)
                                                            .as(transactions::transactional))
                                                    .retryWhen(Retry.max(3)
                                                            .filter(TransientDataAccessException.class::isInstance))
                                                    .map(used -> new Guides(
                                                            questionId,
                                                            input.question(),
                                                            input.type(),
                                                            guides,
                                                            limit == AiLimits.UNLIMITED
                                                                    ? AiLimits.UNLIMITED
                                                                    : limit - used,
                                                            analyst.offline())));
                                }))));
    }

    private Mono<Void> requireDrafting(long retrospectId, long memberId) {
        return db.sql("SELECT status FROM member_retro WHERE retrospect_id = :retrospect AND member_id = :member")
                .bind("retrospect", retrospectId)
                .bind("member", memberId)
                .map(row -> string(row, "status"))
                .one()
                .switchIfEmpty(Mono.error(() -> new ApiException(ErrorCode.NOT_PARTICIPANT)))
                .flatMap(status -> "DRAFT".equals(status)
                        ? Mono.<Void>empty()
                        : Mono.error(new ApiException(ErrorCode.ALREADY_SUBMITTED)));
    }
}
