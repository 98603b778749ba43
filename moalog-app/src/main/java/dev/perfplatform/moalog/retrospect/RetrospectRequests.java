package dev.perfplatform.moalog.retrospect;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The bodies the retrospect endpoints take. */
final class RetrospectRequests {

    private RetrospectRequests() {}

    record Create(
            @NotNull(message = "retroRoomId는 필수입니다.") @Min(value = 1, message = "retroRoomId는 1 이상이어야 합니다.")
            Long retroRoomId,

            @NotBlank(message = "프로젝트 이름은 필수입니다.") @Size(max = 20, message = "프로젝트 이름은 20자 이하여야 합니다.")
            String projectName,

            @NotBlank(message = "retrospectDate는 필수입니다 (YYYY-MM-DD).")
            String retrospectDate,

            @NotBlank(message = "retrospectTime은 필수입니다 (HH:mm).")
            String retrospectTime,

            @NotNull(message = "retrospectMethod는 필수입니다.") RetrospectMethod retrospectMethod,

            @Nullable @Size(max = 10, message = "참고 링크는 10개까지입니다.")
            List<@NotNull(message = "참고 링크가 비어 있습니다.") String> referenceUrls) {}

    /** One answer, draft or final. */
    record Answer(
            @NotNull(message = "questionNumber는 필수입니다.") Integer questionNumber,
            @Nullable String content) {}

    record Drafts(
            @NotNull(message = "drafts는 필수입니다.") @Size(min = 1, max = 5, message = "drafts는 1~5개여야 합니다.")
            List<@Valid @NotNull(message = "drafts 항목이 비어 있습니다.") Answer> drafts) {}

    record Submit(
            @NotNull(message = "answers는 필수입니다.")
            List<@Valid @NotNull(message = "answers 항목이 비어 있습니다.") Answer> answers) {}
}
