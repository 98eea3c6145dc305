package org.creativecities.plugin.api.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonValue;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.creativecities.plugin.api.http.RequestCaller;
import org.junit.jupiter.api.Test;

/** The room services' side of the contract that holds without an engine (API 1.3). */
class RoomServiceContractTest {

    /** Records what a kind asked of it, as a plugin's own unit test would. */
    private static final class Recording implements RoomService {
        final List<String> calls = new ArrayList<>();

        @Override
        public long publish(String roomId, RoomEvent event) {
            calls.add("publish " + roomId + " " + event.type());
            return calls.size();
        }

        @Override
        public long say(String roomId, String text) {
            calls.add("say " + roomId + " " + text);
            return calls.size();
        }

        @Override
        public int sendTo(String roomId, long accountId, RoomEvent event) {
            calls.add("send " + roomId + " " + accountId + " " + event.type());
            return 1;
        }

        @Override
        public boolean membersOnly(String roomId) {
            return false;
        }

        @Override
        public boolean mayRead(String roomId, Optional<RequestCaller> caller) {
            return true;
        }
    }

    private static RoomContext context(RoomService rooms) {
        return new RoomContext("7", Optional.of("lyon"), "relay", 1, JsonValue.EMPTY_JSON_OBJECT,
                Clock.systemUTC(), rooms);
    }

    @Test
    void aContextBuiltAsInApi12HasNoEngineAndSaysSo() {
        RoomContext old = new RoomContext("7", Optional.empty(), "relay", 1, JsonValue.EMPTY_JSON_OBJECT,
                Clock.systemUTC());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> old.publish(new RoomEvent("tick", null)));
        assertEquals(true, e.getMessage().contains("without the live-room engine"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> old.rooms().mayRead("7", Optional.empty()));
    }

    @Test
    void theContextsShortcutsAddressItsOwnRoom() {
        Recording rooms = new Recording();
        RoomContext room = context(rooms);
        room.publish(new RoomEvent("track-changed", null));
        room.sendTo(42, new RoomEvent("hand", null));
        assertEquals(List.of("publish 7 track-changed", "send 7 42 hand"), rooms.calls);
    }

    @Test
    void eachPersonHasTheirOwnKeyInTheRoomsScope() {
        RoomContext room = context(new Recording());
        assertEquals("person/42", room.personKey(42));
        assertNotEquals(room.personKey(42), room.personKey(43));
    }

    @Test
    void refusalsCarryTheirReasonAsAWireCode() {
        assertEquals("not-owned", RoomServiceException.Reason.NOT_OWNED.code());
        assertEquals("rate-limited", RoomServiceException.Reason.RATE_LIMITED.code());
        assertEquals(RoomServiceException.Reason.ARCHIVED,
                new RoomServiceException(RoomServiceException.Reason.ARCHIVED, "archived").reason());
    }
}
