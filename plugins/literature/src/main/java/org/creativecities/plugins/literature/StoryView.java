package org.creativecities.plugins.literature;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Optional;
import org.creativecities.plugin.api.room.RoomState;

/**
 * What everyone in a round-robin room sees of its story: {@code {"open", "host", "title", "status", "rota", "turn",
 * "holder", "holderName", "deadline", "turnSeconds", "contributions", "workId", "text"?}}. A pure function.
 */
final class StoryView {

    private StoryView() {
    }

    static RoomState of(Story s, Documents.Place place, long turnSeconds, Optional<String> text) {
        JsonArrayBuilder rota = Json.createArrayBuilder();
        s.rota().forEach(p -> rota.add(Json.createObjectBuilder().add("accountId", p.accountId())
                .add("name", p.name())));
        JsonObjectBuilder out = Json.createObjectBuilder().add("open", true).add("host", place.host())
                .add("title", s.title()).add("status", s.status()).add("rota", rota).add("turn", s.turn())
                .add("holder", s.current().map(p -> (JsonValue) Json.createValue(p.accountId())).orElse(JsonValue.NULL))
                .add("holderName", s.current().map(p -> (JsonValue) Json.createValue(p.name())).orElse(JsonValue.NULL))
                .add("deadline", s.writing() ? Json.createValue(s.deadline().toString()) : JsonValue.NULL)
                .add("turnSeconds", turnSeconds)
                .add("contributions", s.contributions())
                .add("workId", s.workId() == 0 ? JsonValue.NULL : Json.createValue(s.workId()));
        text.ifPresent(t -> out.add("text", t));
        return new RoomState(out.build());
    }
}
