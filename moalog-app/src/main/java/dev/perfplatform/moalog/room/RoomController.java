package dev.perfplatform.moalog.room;

import dev.perfplatform.moalog.api.ApiResponse;
import dev.perfplatform.moalog.api.ApiTimes;
import dev.perfplatform.moalog.security.CurrentMember;
import dev.perfplatform.moalog.security.SignedIn;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code /api/v1/retro-rooms}: create, join, list, reorder, rename, delete, members, invite codes. */
@RestController
@RequestMapping("/api/v1/retro-rooms")
public class RoomController {

    private final RoomService rooms;
    private final ApiTimes times;

    public RoomController(RoomService rooms, ApiTimes times) {
        this.rooms = rooms;
        this.times = times;
    }

    public record Created(long retroRoomId, String title, String inviteCode) {}

    public record JoinedRoom(long retroRoomId, String title, String joinedAt) {}

    public record Member(long memberId, String nickname, RoomRole role, String joinedAt) {}

    public record Renamed(long retroRoomId, String retroRoomName, String updatedAt) {}

    public record Deleted(long retroRoomId, String deletedAt) {}

    public record Invite(long retroRoomId, String inviteCode, String expiresAt) {}

    @PostMapping
    public Mono<ApiResponse<Created>> create(
            @Parameter(hidden = true) @CurrentMember SignedIn me, @Valid @RequestBody RoomRequests.Create body) {
        String description =
                body.description() == null ? null : body.description().strip();
        return rooms.create(me.memberId(), body.title().strip(), description)
                .map(room -> ApiResponse.ok(new Created(room.roomId(), room.title(), room.inviteCode())));
    }

    @PostMapping("/join")
    public Mono<ApiResponse<JoinedRoom>> join(
            @Parameter(hidden = true) @CurrentMember SignedIn me, @Valid @RequestBody RoomRequests.Join body) {
        return rooms.join(me.memberId(), body.inviteUrl())
                .map(joined -> ApiResponse.ok(new JoinedRoom(
                        joined.room().roomId(), joined.room().title(), times.dateTime(joined.joinedAt()))));
    }

    @GetMapping
    public Mono<ApiResponse<List<RoomService.Listed>>> list(@Parameter(hidden = true) @CurrentMember SignedIn me) {
        return rooms.list(me.memberId()).collectList().map(ApiResponse::ok);
    }

    @GetMapping("/{retroRoomId}/members")
    public Mono<ApiResponse<List<Member>>> members(
            @Parameter(hidden = true) @CurrentMember SignedIn me, @PathVariable long retroRoomId) {
        return rooms.members(retroRoomId, me.memberId())
                .map(member -> new Member(
                        member.memberId(), member.nickname(), member.role(), times.dateTime(member.joinedAt())))
                .collectList()
                .map(ApiResponse::ok);
    }

    @PatchMapping("/order")
    public Mono<ApiResponse<Void>> reorder(
            @Parameter(hidden = true) @CurrentMember SignedIn me, @Valid @RequestBody RoomRequests.Reorder body) {
        return rooms.reorder(me.memberId(), body.retroRoomOrders())
                .then(Mono.fromSupplier(() -> ApiResponse.<Void>ok(null)));
    }

    @PatchMapping("/{retroRoomId}/name")
    public Mono<ApiResponse<Renamed>> rename(
            @Parameter(hidden = true) @CurrentMember SignedIn me,
            @PathVariable long retroRoomId,
            @Valid @RequestBody RoomRequests.Rename body) {
        return rooms.rename(retroRoomId, me.memberId(), body.name().strip())
                .map(room ->
                        ApiResponse.ok(new Renamed(room.roomId(), room.title(), times.dateTime(room.updatedAt()))));
    }

    @DeleteMapping("/{retroRoomId}")
    public Mono<ApiResponse<Deleted>> delete(
            @Parameter(hidden = true) @CurrentMember SignedIn me, @PathVariable long retroRoomId) {
        return rooms.delete(retroRoomId, me.memberId())
                .map(when -> ApiResponse.ok(new Deleted(retroRoomId, times.dateTime(when))));
    }

    /** A new invite code (the owner's); the previous one stops working at once. */
    @PostMapping("/{retroRoomId}/invite-code")
    public Mono<ApiResponse<Invite>> regenerateInvite(
            @Parameter(hidden = true) @CurrentMember SignedIn me, @PathVariable long retroRoomId) {
        return rooms.regenerateInvite(retroRoomId, me.memberId())
                .map(room -> ApiResponse.ok(new Invite(
                        room.roomId(),
                        room.inviteCode(),
                        times.dateTime(room.inviteCodeCreatedAt().plus(InviteCodes.VALIDITY)))));
    }
}
