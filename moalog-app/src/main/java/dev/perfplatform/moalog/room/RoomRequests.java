package dev.perfplatform.moalog.room;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The bodies the room endpoints take. */
final class RoomRequests {

    private RoomRequests() {}

    record Create(
            @NotBlank(message = "회고방 이름은 필수입니다.") @Size(max = 20, message = "회고방 이름은 20자 이하여야 합니다.")
            String title,

            @Nullable @Size(max = 50, message = "회고방 설명은 50자 이하여야 합니다.")
            String description) {}

    record Join(@NotBlank(message = "초대 링크는 필수입니다.") String inviteUrl) {}

    record Rename(
            @NotBlank(message = "회고방 이름은 필수입니다.") @Size(max = 20, message = "회고방 이름은 20자 이하여야 합니다.")
            String name) {}

    record Reorder(
            @NotNull(message = "retroRoomOrders는 필수입니다.")
            @Size(min = 1, max = 500, message = "retroRoomOrders는 1개 이상이어야 합니다.")
            List<@Valid @NotNull(message = "순서 항목이 비어 있습니다.") Order> retroRoomOrders) {}

    record Order(
            @NotNull(message = "retroRoomId는 필수입니다.") @Min(value = 1, message = "retroRoomId는 1 이상이어야 합니다.")
            Long retroRoomId,

            @NotNull(message = "orderIndex는 필수입니다.") @Min(value = 1, message = "orderIndex는 1 이상이어야 합니다.")
            Integer orderIndex) {}
}
