package dev.perfplatform.moalog.ai;

import static dev.perfplatform.moalog.Rows.number;
import static dev.perfplatform.moalog.Rows.string;
import static dev.perfplatform.moalog.Rows.utc;

import dev.perfplatform.moalog.api.ApiException;
import dev.perfplatform.moalog.api.ErrorCode;
import dev.perfplatform.moalog.retrospect.Retrospect;
import dev.perfplatform.moalog.retrospect.RetrospectAccess;
import dev.perfplatform.moalog.retrospect.RetrospectMethod;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * A retrospect's analysis, once: any member of its room triggers it and is charged for it; it reads the submitted
 * participants' answers, and is kept (team insight on the retrospect, each participant's missions as its personal
 * insight, the whole answer as the API gave it) so {@link #find} answers it again. Checks in the original's order:
 * the retrospect is visible ({@code RETRO4041}), not yet analysed ({@code RETRO4091}), the caller has quota left
 * ({@code AI4031}), there is enough to analyse ({@code RETRO4221}); then the model; then one transaction that charges
 * the caller and keeps the result — a second analysis racing this one finds it analysed there ({@code RETRO4091}),
 * uncharged.
 */
@Service
public class AnalysisService {

    /** Needed before an analysis: this many non-blank answers from submitted participants. */
    static final int MIN_ANSWERS = 3;

    private final DatabaseClient db;
    private final TransactionalOperator transactions;
    private final RetrospectAccess access;
    private final Analyst analyst;
    private final AiLimits limits;
    private final AiUsage usage;
    private final AiCalls calls;
    private final JsonMapper json;
    private final Clock clock;

    AnalysisService(
            DatabaseClient db,
            TransactionalOperator transactions,
            RetrospectAccess access,
            Analyst analyst,
            AiLimits limits,
            AiUsage usage,
            AiCalls calls,
            JsonMapper json,
            Clock clock) {
        this.db = db;
        this.transactions = transactions;
        this.access = access;
        this.analyst = analyst;
        this.limits = limits;
        this.usage = usage;
        this.calls = calls;
        this.json = json;
        this.clock = clock;
    }

    public Mono<Analysis> analyse(long retrospectId, long memberId) {
        return access.require(retrospectId, memberId)
                .map(RetrospectAccess.Visible::retrospect)
                .flatMap(retrospect -> requireNotAnalysed(retrospect)
                        .then(limits.monthly(memberId, AiFeature.ANALYSIS))
                        .flatMap(limit -> usage.used(memberId, AiFeature.ANALYSIS)
                                .flatMap(used -> AiUsage.requireUnder(used, limit, ErrorCode.AI_ANALYSIS_LIMIT))
                                .then(input(retrospect))
                                .flatMap(input -> calls.counted(analyst, AiFeature.ANALYSIS, analyst.analyse(input)))
                                .flatMap(analysis -> keep(retrospectId, memberId, limit, analysis))));
    }

    /** The kept analysis; {@code RETRO4041} while there is none. */
    public Mono<Analysis> find(long retrospectId, long memberId) {
        return access.require(retrospectId, memberId)
                .then(db.sql("SELECT result FROM retrospect_analysis WHERE retrospect_id = :retrospect")
                        .bind("retrospect", retrospectId)
                        .map(row -> json.readValue(string(row, "result"), Analysis.class))
                        .one())
                .switchIfEmpty(Mono.error(() -> new ApiException(ErrorCode.NOT_ANALYZED)));
    }

    /** The insight is written in the transaction that keeps the analysis: one is there exactly when the other is. */
    private static Mono<Void> requireNotAnalysed(Retrospect retrospect) {
        return retrospect.insight() != null ? Mono.error(new ApiException(ErrorCode.ALREADY_ANALYZED)) : Mono.empty();
    }

    /** The submitted participants' answers, in one query; {@code RETRO4221} when there is not enough. */
    private Mono<AnalysisInput> input(Retrospect retrospect) {
        RetrospectMethod method = retrospect.method();
        return db.sql("""
                        SELECT mr.member_id, mb.nickname, r.question_number, r.content
                        FROM member_retro mr
                        JOIN member mb ON mb.member_id = mr.member_id
                        LEFT JOIN response r ON r.member_retro_id = mr.member_retro_id
                        WHERE mr.retrospect_id = :retrospect AND mr.status <> 'DRAFT'
                        ORDER BY mr.member_id, r.question_number""")
                .bind("retrospect", retrospect.retrospectId())
                .map(row -> new Row(
                        number(row, "member_id"),
                        String.valueOf(row.get("nickname", String.class)),
                        row.get("question_number", Integer.class),
                        row.get("content", String.class)))
                .all()
                .collectList()
                .flatMap(rows -> {
                    AnalysisInput input = new AnalysisInput(method.questions(), participants(rows));
                    long answered = input.participants().stream()
                            .flatMap(participant -> participant.answers().stream())
                            .filter(answer -> !answer.isBlank())
                            .count();
                    return input.participants().isEmpty() || answered < MIN_ANSWERS
                            ? Mono.error(new ApiException(ErrorCode.INSUFFICIENT_DATA))
                            : Mono.just(input);
                });
    }

    private record Row(
            long memberId,
            String nickname,
            @org.jspecify.annotations.Nullable Integer question,
            @org.jspecify.annotations.Nullable String content) {}

    private static List<AnalysisInput.Participant> participants(List<Row> rows) {
        Map<Long, String[]> answers = new LinkedHashMap<>();
        Map<Long, String> names = new LinkedHashMap<>();
        for (Row row : rows) {
            String[] own = answers.computeIfAbsent(row.memberId(), id -> emptyAnswers());
            names.put(row.memberId(), row.nickname());
            Integer question = row.question();
            String content = row.content();
            if (question != null && content != null && question >= 1 && question <= RetrospectMethod.QUESTIONS) {
                own[question - 1] = content;
            }
        }
        List<AnalysisInput.Participant> participants = new ArrayList<>();
        answers.forEach((id, own) ->
                participants.add(new AnalysisInput.Participant(id, names.getOrDefault(id, ""), Arrays.asList(own))));
        return participants;
    }

    private static String[] emptyAnswers() {
        String[] answers = new String[RetrospectMethod.QUESTIONS];
        Arrays.fill(answers, "");
        return answers;
    }

    /**
     * Keeps the analysis and charges the caller, in one transaction that first locks the retrospect's row: analyses of
     * one retrospect racing each other take turns, and all but the first find it analysed ({@code RETRO4091}) before
     * anything is charged. A deadlock or lock timeout (two new members' first use of the month) is retried.
     */
    private Mono<Analysis> keep(long retrospectId, long memberId, int limit, Analysis analysis) {
        Instant now = clock.instant();
        List<Long> analysed = analysis.personalMissions().stream()
                .map(Analysis.PersonalMissions::userId)
                .toList();
        return Mono.defer(() -> db.sql("SELECT insight FROM retrospect WHERE retrospect_id = :id FOR UPDATE")
                        .bind("id", retrospectId)
                        .map(row -> row.get("insight", String.class) != null)
                        .one()
                        .switchIfEmpty(Mono.error(() -> new ApiException(ErrorCode.RETROSPECT_NOT_FOUND)))
                        .flatMap(hasInsight -> hasInsight
                                ? Mono.error(new ApiException(ErrorCode.ALREADY_ANALYZED))
                                : usage.charge(memberId, AiFeature.ANALYSIS, limit, ErrorCode.AI_ANALYSIS_LIMIT))
                        .then(db.sql("""
                                        INSERT INTO retrospect_analysis (retrospect_id, requested_by, result, offline,
                                                                         created_at)
                                        VALUES (:retrospect, :member, :result, :offline, :now)""")
                                .bind("retrospect", retrospectId)
                                .bind("member", memberId)
                                .bind("result", json.writeValueAsString(analysis))
                                .bind("offline", analysis.offline())
                                .bind("now", utc(now))
                                .fetch()
                                .rowsUpdated())
                        .then(db.sql("""
                                        UPDATE retrospect SET insight = :insight, updated_at = :now
                                        WHERE retrospect_id = :id""")
                                .bind("insight", analysis.insight())
                                .bind("now", utc(now))
                                .bind("id", retrospectId)
                                .fetch()
                                .rowsUpdated())
                        .thenMany(Flux.fromIterable(analysis.personalMissions())
                                .concatMap(personal -> db.sql("""
                                                UPDATE member_retro
                                                SET personal_insight = :insight, status = 'ANALYZED', updated_at = :now
                                                WHERE retrospect_id = :retrospect AND member_id = :member""")
                                        .bind("insight", personalInsight(personal))
                                        .bind("now", utc(now))
                                        .bind("retrospect", retrospectId)
                                        .bind("member", personal.userId())
                                        .fetch()
                                        .rowsUpdated()))
                        .then(db.sql("""
                                        UPDATE member SET insight_count = insight_count + 1
                                        WHERE member_id IN (:members)""").bind("members", analysed).fetch().rowsUpdated())
                        .as(transactions::transactional))
                .retryWhen(Retry.max(3).filter(TransientDataAccessException.class::isInstance))
                .thenReturn(analysis);
    }

    /** The original's personal insight: one "title: description" line per mission. */
    static String personalInsight(Analysis.PersonalMissions personal) {
        return personal.missions().stream()
                .map(mission -> mission.missionTitle() + ": " + mission.missionDesc())
                .collect(Collectors.joining("\n"));
    }
}
