package org.creativecities.plugins.film;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A film shown to a city's community at a set time, or suggested by a member. Immutable; stored in the
 * plugin's storage in the city's scope as the JSON of {@link #toJson()}.
 *
 * @param id             stable id, {@code s-} and 16 hex digits
 * @param city           the city's slug
 * @param title          the film's title
 * @param year           the film's release year
 * @param description    a short text, may be empty
 * @param startsAt       when the screening starts, ISO-8601 UTC instant
 * @param videoUrl       where the players load the film from, an http(s) URL; empty if none
 * @param runtimeMinutes the film's length, 0 if unknown; bounds the watch party's seeks
 * @param suggested      a member's suggestion rather than a scheduled screening
 * @param createdBy      the account that created or suggested it
 * @param watchParty     the watch party opened from it, if one was requested
 */
public record Screening(String id, String city, String title, int year, String description, String startsAt,
                        String videoUrl, int runtimeMinutes, boolean suggested, long createdBy,
                        Optional<WatchPartyLink> watchParty) {

    /** The room kind a screening's watch party has. */
    public static final String ROOM_KIND = "watch-party";

    public Screening {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(city, "city");
        description = description == null ? "" : description;
        videoUrl = videoUrl == null ? "" : videoUrl;
        Objects.requireNonNull(watchParty, "watchParty");
    }

    /**
     * The handoff between a screening and the live-room engine: a coordinator asks for a watch party (status
     * {@code requested}, no room yet); when the engine creates the room with the attribute
     * {@code {"screening": id}}, the room kind's {@code open} records the room's id (status {@code open});
     * when the room is archived, {@code close} marks it {@code closed}.
     *
     * @param status      {@code requested}, {@code open} or {@code closed}
     * @param roomId      the live room's id once open; empty before
     * @param requestedBy the account that asked for it
     * @param requestedAt when, ISO-8601 UTC
     */
    public record WatchPartyLink(String status, String roomId, long requestedBy, String requestedAt) {

        public WatchPartyLink {
            Objects.requireNonNull(status, "status");
            roomId = roomId == null ? "" : roomId;
        }

        JsonObject toJson() {
            return Json.createObjectBuilder().add("kind", ROOM_KIND).add("status", status)
                    .add("roomId", roomId.isEmpty() ? JsonValue.NULL : Json.createValue(roomId))
                    .add("requestedBy", requestedBy).add("requestedAt", requestedAt).build();
        }

        static WatchPartyLink fromJson(JsonObject o) {
            return new WatchPartyLink(o.getString("status"), o.isNull("roomId") ? "" : o.getString("roomId"),
                    o.getJsonNumber("requestedBy").longValue(), o.getString("requestedAt"));
        }
    }

    /** The same screening with this watch-party link. */
    public Screening withWatchParty(WatchPartyLink link) {
        return new Screening(id, city, title, year, description, startsAt, videoUrl, runtimeMinutes, suggested,
                createdBy, Optional.of(link));
    }

    /**
     * The screening as someone sees it who may read the rooms {@code mayReadRoom} accepts (by id): without its
     * watch party when they may not read the party's room (it is in a members-only space), so that no list or
     * page names a room to someone who cannot read it.
     */
    public Screening shownTo(Predicate<String> mayReadRoom) {
        boolean hidden = watchParty.filter(l -> !l.roomId().isEmpty() && !mayReadRoom.test(l.roomId())).isPresent();
        return hidden ? new Screening(id, city, title, year, description, startsAt, videoUrl, runtimeMinutes,
                suggested, createdBy, Optional.empty()) : this;
    }

    /** The film's length in milliseconds, 0 if unknown. */
    public long durationMs() {
        return runtimeMinutes * 60_000L;
    }

    /** The JSON clients receive and storage keeps. */
    public JsonObject toJson() {
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", id).add("city", city).add("title", title)
                .add("year", year).add("description", description).add("startsAt", startsAt)
                .add("videoUrl", videoUrl.isEmpty() ? JsonValue.NULL : Json.createValue(videoUrl))
                .add("runtimeMinutes", runtimeMinutes == 0 ? JsonValue.NULL : Json.createValue(runtimeMinutes))
                .add("suggested", suggested).add("createdBy", createdBy);
        b.add("watchParty", watchParty.<JsonValue>map(WatchPartyLink::toJson).orElse(JsonValue.NULL));
        return b.build();
    }

    /** Reads what {@link #toJson()} wrote. */
    public static Screening fromJson(JsonObject o) {
        return new Screening(o.getString("id"), o.getString("city"), o.getString("title"), o.getInt("year"),
                o.getString("description", ""), o.getString("startsAt"),
                o.isNull("videoUrl") ? "" : o.getString("videoUrl"),
                o.isNull("runtimeMinutes") ? 0 : o.getInt("runtimeMinutes"), o.getBoolean("suggested", false),
                o.getJsonNumber("createdBy").longValue(),
                o.isNull("watchParty") ? Optional.empty()
                        : Optional.of(WatchPartyLink.fromJson(o.getJsonObject("watchParty"))));
    }
}
