package dev.perfplatform.moalog.retrospect;

import dev.perfplatform.moalog.api.ApiResponse;
import dev.perfplatform.moalog.api.ApiTimes;
import dev.perfplatform.moalog.security.CurrentMember;
import dev.perfplatform.moalog.security.SignedIn;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code /api/v1/retrospects} and a room's {@code /retrospects}: the original's shapes, field for field. */
@RestController
public class RetrospectController {

    private final RetrospectService retrospects;
    private final Participation participation;
    private final RetrospectQueries queries;
    private final ApiTimes times;

    public RetrospectController(
            RetrospectService retrospects, Participation participation, RetrospectQueries queries, ApiTimes times) {
        this.retrospects = retrospects;
        this.participation = participation;
        this.queries = queries;
        this.times = times;
    }

    public record Created(long retrospectId, long retroRoomId, String projectName) {}

    public record Detail(
            long retroRoomId,
            String title,
            String startTime,
            RetrospectMethod retroCategory,
            List<DetailMember> members,
            long totalLikeCount,
            long totalCommentCount,
            List<Question> questions) {}

    public record DetailMember(@Nullable Long memberId, String userName) {}

    public record Question(int index, String content) {}

    public record InRoom(
            long retrospectId,
            String projectName,
            RetrospectMethod retrospectMethod,
            String retrospectDate,
            String retrospectTime,
            long participantCount) {}

    public record Reference(long referenceId, String urlName, String url) {}

    public record DraftsSaved(long retrospectId, String updatedAt) {}

    public record Submitted(long retrospectId, String submittedAt, ParticipantStatus status) {}

    public record Storage(List<Year> years) {}

    public record Year(String yearLabel, List<StoredItem> retrospects) {}

    public record StoredItem(
            long retrospectId, String displayDate, String title, RetrospectMethod retrospectMethod, long memberCount) {}

    public record Found(
            long retrospectId,
            String projectName,
            String retroRoomName,
            RetrospectMethod retrospectMethod,
            String retrospectDate,
            String retrospectTime) {}

    /** What a withdrawn member is called where its name would be. */
    public static final String WITHDRAWN = "탈퇴한 멤버";

    @PostMapping("/api/v1/retrospects")
    public Mono<ApiResponse<Created>> create(
            @Parameter(hidden = true) @CurrentMember SignedIn me, @Valid @RequestBody RetrospectRequests.Create body) {
        return retrospects
                .create(me.memberId(), body)
                .map(created -> ApiResponse.ok(new Created(created.retrospectId(), created.roomId(), created.title())));
    }

    @GetMapping("/api/v1/retrospects/{retrospectId}")
    public Mono<ApiResponse<Detail>> detail(
            @Parameter(hidden = true) @CurrentMember SignedIn me, @PathVariable long retrospectId) {
        return retrospects.detail(retrospectId, me.memberId()).map(detail -> {
            Retrospect retrospect = detail.retrospect();
            List<Question> questions = new ArrayList<>();
            for (int i = 1; i <= RetrospectMethod.QUESTIONS; i++) {
                questions.add(new Question(i, retrospect.method().question(i)));
            }
            return ApiResponse.ok(new Detail(
                    retrospect.roomId(),
                    retrospect.title(),
                    times.dateTime(retrospect.startTime()),
                    retrospect.method(),
                    detail.participants().stream()
                            .map(p -> new DetailMember(p.memberId(), p.nickname() == null ? WITHDRAWN : p.nickname()))
                            .toList(),
                    detail.totalLikes(),
                    detail.totalComments(),
                    questions));
        });
    }

    @DeleteMapping("/api/v1/retrospects/{retrospectId}")
    public Mono<ApiResponse<Void>> delete(
            @Parameter(hidden = true) @CurrentMember SignedIn me, @PathVariable long retrospectId) {
        return retrospects
                .delete(retrospectId, me.memberId())
                .then(Mono.fromSupplier(() -> ApiResponse.<Void>ok(null)));
    }

    @GetMapping("/api/v1/retro-rooms/{retroRoomId}/retrospects")
    public Mono<ApiResponse<List<InRoom>>> inRoom(
            @Parameter(hidden = true) @CurrentMember SignedIn me, @PathVariable long retroRoomId) {
        return retrospects
                .inRoom(retroRoomId, me.memberId())
                .map(found -> new InRoom(
                        found.retrospectId(),
                        found.projectName(),
                        found.method(),
                        times.date(found.startTime()),
                        times.time(found.startTime()),
                        found.participantCount()))
                .collectList()
                .map(ApiResponse::ok);
    }

    @PostMapping("/api/v1/retrospects/{retrospectId}/participants")
    public Mono<ApiResponse<Participation.Joined>> participate(
            @Parameter(hidden = true) @CurrentMember SignedIn me, @PathVariable long retrospectId) {
        return participation.join(retrospectId, me.memberId()).map(ApiResponse::ok);
    }

    @GetMapping("/api/v1/retrospects/{retrospectId}/references")
    public Mono<ApiResponse<List<Reference>>> references(
            @Parameter(hidden = true) @CurrentMember SignedIn me, @PathVariable long retrospectId) {
        return retrospects
                .references(retrospectId, me.memberId())
                .map(reference -> new Reference(reference.referenceId(), reference.url(), reference.url()))
                .collectList()
                .map(ApiResponse::ok);
    }

    @PutMapping("/api/v1/retrospects/{retrospectId}/drafts")
    public Mono<ApiResponse<DraftsSaved>> saveDrafts(
            @Parameter(hidden = true) @CurrentMember SignedIn me,
            @PathVariable long retrospectId,
            @Valid @RequestBody RetrospectRequests.Drafts body) {
        return participation
                .saveDrafts(retrospectId, me.memberId(), body.drafts())
                .map(when -> ApiResponse.ok(new DraftsSaved(retrospectId, times.dateTime(when))));
    }

    @PostMapping("/api/v1/retrospects/{retrospectId}/submit")
    public Mono<ApiResponse<Submitted>> submit(
            @Parameter(hidden = true) @CurrentMember SignedIn me,
            @PathVariable long retrospectId,
            @Valid @RequestBody RetrospectRequests.Submit body) {
        return participation
                .submit(retrospectId, me.memberId(), body.answers())
                .map(when ->
                        ApiResponse.ok(new Submitted(retrospectId, times.dateTime(when), ParticipantStatus.SUBMITTED)));
    }

    @GetMapping("/api/v1/retrospects/storage")
    public Mono<ApiResponse<Storage>> storage(
            @Parameter(hidden = true) @CurrentMember SignedIn me,
            @RequestParam(name = "range", defaultValue = "ALL") String range) {
        return queries.storage(me.memberId(), RetrospectQueries.Range.of(range), times.zone())
                .collectList()
                .map(stored -> {
                    Map<Integer, List<StoredItem>> byYear = new LinkedHashMap<>();
                    for (RetrospectQueries.Stored item : stored) {
                        int year = item.submittedAt().atZone(times.zone()).getYear();
                        byYear.computeIfAbsent(year, y -> new ArrayList<>())
                                .add(new StoredItem(
                                        item.retrospectId(),
                                        times.date(item.submittedAt()),
                                        item.title(),
                                        item.method(),
                                        item.members()));
                    }
                    List<Year> years = new ArrayList<>();
                    byYear.forEach((year, items) -> years.add(new Year(year + "년", items)));
                    return ApiResponse.ok(new Storage(years));
                });
    }

    @GetMapping("/api/v1/retrospects/search")
    public Mono<ApiResponse<List<Found>>> search(
            @Parameter(hidden = true) @CurrentMember SignedIn me,
            @RequestParam(name = "keyword", defaultValue = "") String keyword) {
        return queries.search(me.memberId(), keyword)
                .map(found -> new Found(
                        found.retrospectId(),
                        found.title(),
                        found.roomTitle(),
                        found.method(),
                        times.date(found.startTime()),
                        times.time(found.startTime())))
                .collectList()
                .map(ApiResponse::ok);
    }
}
