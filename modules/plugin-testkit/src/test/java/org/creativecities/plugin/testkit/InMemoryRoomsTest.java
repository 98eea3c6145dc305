package org.creativecities.plugin.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;
import org.creativecities.plugin.api.PluginPermissionException;
import org.creativecities.plugin.api.http.RequestCaller;
import org.creativecities.plugin.api.room.Actor;
import org.creativecities.plugin.api.room.ListedRoom;
import org.creativecities.plugin.api.room.RoomEvent;
import org.creativecities.plugin.api.room.RoomService;
import org.creativecities.plugin.api.room.RoomServiceException;
import org.junit.jupiter.api.Test;

class InMemoryRoomsTest {

    private static final Actor ANA = new Actor(1, "Ana", true, false, false);
    private static final Optional<RequestCaller> MEMBER = Optional.of(new RequestCaller(2, "Bo", false));
    private static final Optional<RequestCaller> OUTSIDER = Optional.of(new RequestCaller(3, "Cy", false));
    private static final Optional<RequestCaller> ADMIN = Optional.of(new RequestCaller(4, "Di", true));

    private static List<String> ids(List<ListedRoom> rooms) {
        return rooms.stream().map(ListedRoom::roomId).toList();
    }

    @Test
    void aMembersOnlyRoomIsListedToItsCitysMembersAndAdministratorsOnly() {
        TestHost host = TestHost.start(new SampleModule());
        host.context().testMembers().member(2, "lyon");
        String open = host.openRoom("counter", "lyon", ANA, JsonObject.EMPTY_JSON_OBJECT).context().roomId();
        String secret = host.openRoom("counter", "lyon", ANA, JsonObject.EMPTY_JSON_OBJECT).context().roomId();
        String elsewhere = host.openRoom("counter", "oslo", ANA, JsonObject.EMPTY_JSON_OBJECT).context().roomId();
        RoomService rooms = host.rooms().setMembersOnly(secret, true);

        assertEquals(List.of(open), ids(rooms.list("counter", Optional.of("lyon"), Optional.empty())));
        assertEquals(List.of(open), ids(rooms.list("counter", Optional.of("lyon"), OUTSIDER)));
        assertEquals(List.of(secret, open), ids(rooms.list("counter", Optional.of("lyon"), MEMBER)), "newest first");
        assertEquals(List.of(elsewhere, secret, open), ids(rooms.list("counter", Optional.empty(), ADMIN)));
        ListedRoom listed = rooms.list("counter", Optional.of("lyon"), MEMBER).get(0);
        assertTrue(listed.membersOnly());
        assertEquals(Optional.of("lyon"), listed.citySlug());
        assertFalse(rooms.mayRead(secret, OUTSIDER));
        assertTrue(rooms.mayRead(secret, MEMBER));
        assertEquals(RoomServiceException.Reason.NOT_OWNED, assertThrows(RoomServiceException.class,
                () -> rooms.list("other-kind", Optional.empty(), ADMIN)).reason());
    }

    @Test
    void theRoomsAreTheEnginesOverARestartAndPublishingNeedsItsPermission() {
        TestHost host = TestHost.start(new SampleModule());
        TestRoom room = host.openRoom("counter", "lyon", ANA, JsonObject.EMPTY_JSON_OBJECT);
        String id = room.context().roomId();
        host.rooms().setMembersOnly(id, true);
        assertThrows(PluginPermissionException.class, () -> room.context().publish(new RoomEvent("x", JsonObject.EMPTY_JSON_OBJECT)),
                "the sample plugin does not declare rooms.write");

        TestHost again = host.restart(new SampleModule());
        TestRoom resumed = again.resume(room);
        assertTrue(resumed.context().rooms().membersOnly(id), "the room is the same room after a restart");
        assertThrows(IllegalStateException.class, resumed::delete, "archive first");
        resumed.close();
        assertTrue(again.rooms().list("counter", Optional.empty(), ADMIN).get(0).archived());
        resumed.delete();
        assertEquals(List.of(), again.rooms().list("counter", Optional.empty(), ADMIN));
        assertTrue(again.context().memoryStorage().get(resumed.context().storageScope(), "count").isEmpty(),
                "the kind heard deleted and dropped the room's state");
        assertEquals(RoomServiceException.Reason.NOT_OWNED, assertThrows(RoomServiceException.class,
                () -> again.rooms().membersOnly(id)).reason());
    }
}
