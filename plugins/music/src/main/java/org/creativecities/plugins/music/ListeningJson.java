package org.creativecities.plugins.music;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;

/**
 * A {@link Listening} as stored (its JSON text in the room's storage scope) and as clients see it (the room
 * state). The stored form keeps instants; the view adds, for the instant it is computed, the position of the
 * track now playing.
 */
final class ListeningJson {

    private ListeningJson() {
    }

    /** The stored form. */
    static String store(Listening s) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("host", s.hostId()).add("nextId", s.nextId())
                .add("plays", s.plays()).add("queue", tracks(s.queue()));
        if (s.playing() != null) {
            b.add("playing", Json.createObjectBuilder().add("track", track(s.playing().track()))
                    .add("startedAt", s.playing().startedAt().toString()).add("number", s.playing().number()));
        } else {
            b.addNull("playing");
        }
        return b.build().toString();
    }

    /** Reads the stored form back. */
    static Listening parse(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            JsonObject o = reader.readObject();
            Listening.Playing playing = null;
            if (o.get("playing") instanceof JsonObject p) {
                playing = new Listening.Playing(track(p.getJsonObject("track")), Instant.parse(p.getString("startedAt")),
                        p.getJsonNumber("number").longValue());
            }
            List<Track> queue = o.getJsonArray("queue").getValuesAs(JsonObject.class).stream()
                    .map(ListeningJson::track).toList();
            return new Listening(o.getJsonNumber("host").longValue(), queue, playing,
                    o.getJsonNumber("nextId").longValue(), o.getJsonNumber("plays").longValue());
        }
    }

    /**
     * What clients see at {@code now}: {@code open}, {@code host}, {@code at} (the server instant of the view),
     * {@code nowPlaying} (the track with {@code startedAt}, {@code positionMs} at {@code at} and {@code number}; or
     * null), {@code queue} (the waiting tracks in order, each with its {@code votes} and {@code voters}) and
     * {@code plays}. The caller passes the state already brought to {@code now} ({@link Listening#at}).
     */
    static JsonObject view(Listening s, Instant now) {
        return Json.createObjectBuilder().add("open", true).add("host", s.hostId()).add("at", now.toString())
                .add("nowPlaying", nowPlaying(s, now)).add("queue", tracks(s.queue())).add("plays", s.plays())
                .build();
    }

    /**
     * The payload of the system event that announces a change the clock made (a track started by itself, or the
     * queue ran out): {@code nowPlaying} as in the view, {@code queue} as the ids of the waiting tracks in order
     * (a client keeps those of its queue), {@code plays} and {@code at}. Ids only, so the event stays small
     * whatever the queue's length.
     */
    static JsonObject advanced(Listening s, Instant now) {
        JsonArrayBuilder ids = Json.createArrayBuilder();
        s.queue().forEach(t -> ids.add(t.id()));
        return Json.createObjectBuilder().add("nowPlaying", nowPlaying(s, now)).add("queue", ids)
                .add("plays", s.plays()).add("at", now.toString()).build();
    }

    private static JsonValue nowPlaying(Listening s, Instant now) {
        if (s.playing() == null) {
            return JsonValue.NULL;
        }
        Listening.Playing p = s.playing();
        return Json.createObjectBuilder(track(p.track())).add("startedAt", p.startedAt().toString())
                .add("positionMs", p.positionAt(now)).add("number", p.number()).build();
    }

    private static JsonArrayBuilder tracks(List<Track> tracks) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        tracks.forEach(t -> a.add(track(t)));
        return a;
    }

    private static JsonObject track(Track t) {
        JsonArrayBuilder voters = Json.createArrayBuilder();
        t.voters().forEach(voters::add);
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", t.id()).add("title", t.title()).add("url", t.url())
                .add("source", t.isFile() ? "file" : "url").add("durationMs", t.durationMs())
                .add("addedBy", t.addedBy()).add("votes", t.votes()).add("voters", voters);
        return (t.isFile() ? b.add("mediaId", t.mediaId()) : b.addNull("mediaId")).build();
    }

    private static Track track(JsonObject o) {
        String mediaId = o.get("mediaId") instanceof jakarta.json.JsonString m ? m.getString() : null;
        List<Long> voters = o.getJsonArray("voters").getValuesAs(jakarta.json.JsonNumber.class).stream()
                .map(jakarta.json.JsonNumber::longValue).toList();
        return new Track(o.getString("id"), o.getString("title"), o.getString("url"), mediaId,
                o.getJsonNumber("durationMs").longValue(), o.getJsonNumber("addedBy").longValue(), voters);
    }
}
