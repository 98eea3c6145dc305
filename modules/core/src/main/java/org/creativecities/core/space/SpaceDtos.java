package org.creativecities.core.space;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/** What the spaces and rooms API reads and writes. */
public final class SpaceDtos {

    private SpaceDtos() {
    }

    /**
     * A space as its readers see it. {@code rooms}, its rooms that are not archived, only where asked for
     * ({@code GET /api/spaces?rooms=true}: a city page's spaces and rooms in one request); absent otherwise.
     */
    public record SpaceView(long id, String slug, String name, String city, String field, String visibility,
                            boolean archived, boolean canPost, boolean canManage, OffsetDateTime createdAt,
                            List<RoomView> rooms) {
    }

    /**
     * A room as its readers see it. {@code ui} is the browser element of a plugin kind, present while the kind's
     * plugin runs and is enabled for the room's city; null for discussions and for unavailable kinds.
     */
    public record RoomView(long id, long space, String kind, String name, String topic, boolean archived,
                           boolean locked, int slowModeSeconds, long lastSeq, OffsetDateTime createdAt,
                           RoomKinds.Ui ui) {
        static RoomView of(Room r, RoomKinds.Ui ui) {
            return new RoomView(r.id(), r.space().id(), r.kind(), r.name(), r.topic().orElse(null), r.isArchived(),
                    r.isLocked(), r.slowModeSeconds(), r.lastSeq(), r.createdAt(), ui);
        }
    }

    /**
     * A kind of room that can be created in a space now.
     *
     * @param id          e.g. {@code discussion}, {@code watch-party}
     * @param name        shown to people
     * @param description one or two sentences
     * @param pluginId    the plugin that provides it; null for the core's discussion
     * @param ui          the browser element of its rooms, or null
     */
    public record RoomKindView(String id, String name, String description, String pluginId, RoomKinds.Ui ui) {
    }

    /** A new space: of a city (coordinators and administrators) or of a field (administrators). */
    public record NewSpace(
            @NotBlank(message = "Missing name.") @Size(max = 120, message = "At most 120 characters.") String name,
            @Size(max = 160, message = "At most 160 characters.") String city,
            @Size(max = 64, message = "At most 64 characters.") String field,
            @Pattern(regexp = "PUBLIC|MEMBERS_ONLY", message = "PUBLIC or MEMBERS_ONLY.") String visibility) {
    }

    /** Changes to a space; absent properties stay as they are. */
    public record SpaceUpdate(
            @Size(min = 1, max = 120, message = "Between 1 and 120 characters.") String name,
            @Pattern(regexp = "PUBLIC|MEMBERS_ONLY", message = "PUBLIC or MEMBERS_ONLY.") String visibility,
            Boolean archived) {
    }

    /** A new room. */
    public record NewRoom(
            @NotBlank(message = "Missing name.") @Size(max = 120, message = "At most 120 characters.") String name,
            @Size(max = 64, message = "At most 64 characters.") String kind,
            @Size(max = 500, message = "At most 500 characters.") String topic,
            jakarta.json.JsonObject attributes) {
    }

    /** Changes to a room; absent properties stay as they are. */
    public record RoomUpdate(
            @Size(min = 1, max = 120, message = "Between 1 and 120 characters.") String name,
            @Size(max = 500, message = "At most 500 characters.") String topic,
            Boolean archived,
            Boolean locked,
            @Min(value = 0, message = "At least 0.") @Max(value = 3600, message = "At most 3600.")
            Integer slowModeSeconds) {
    }

    /** A moderation action on a person, in one room or (wholeSpace) in every room of its space. */
    public record ModerationBody(
            @NotBlank(message = "Missing action.")
            @Pattern(regexp = "mute|unmute|kick|ban|unban", message = "One of mute, unmute, kick, ban, unban.")
            String action,
            @jakarta.validation.constraints.NotNull(message = "Missing accountId.") Long accountId,
            Boolean wholeSpace,
            @Min(value = 1, message = "At least 1.") @Max(value = 525600, message = "At most 525600 (a year).")
            Integer minutes) {
    }

    /** Someone a sanction names: the person, or the manager who imposed it. */
    public record PersonRef(long id, String name) {
    }

    /**
     * A mute or ban that still holds, as its space's managers see it.
     *
     * @param kind      mute or ban
     * @param roomId    the room it holds in; absent for the whole space
     * @param roomName  that room's name; absent for the whole space
     * @param until     when it ends; absent when it lasts until lifted
     * @param by        the manager who imposed it
     */
    public record SanctionView(long id, String kind, PersonRef account, long spaceId, Long roomId, String roomName,
                               OffsetDateTime until, PersonRef by, OffsetDateTime createdAt) {
    }

    /** Extends a mute or ban by this many minutes (added to its end). */
    public record SanctionExtension(
            @NotNull(message = "Missing minutes.")
            @Min(value = 1, message = "At least 1.") @Max(value = 525600, message = "At most 525600 (a year).")
            Integer minutes) {
    }

    /** One audit log entry. */
    public record AuditView(long id, long actorId, String actorName, String action, Long space, Long room,
                            Long targetAccountId, Long targetSeq, String detail, String subject, String before,
                            String after, OffsetDateTime createdAt) {
        static AuditView of(AuditEntry a) {
            return new AuditView(a.id(), a.actorId(), a.actorName(), a.action(), a.spaceId().orElse(null),
                    a.roomId().orElse(null), a.targetAccountId().orElse(null), a.targetSeq().orElse(null),
                    a.detail().orElse(null), a.subject().orElse(null), a.before().orElse(null),
                    a.after().orElse(null), a.createdAt());
        }
    }
}
