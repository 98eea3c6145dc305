package org.creativecities.plugin.api.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.creativecities.plugin.api.ModuleInfo;
import org.junit.jupiter.api.Test;

class RoomContractTest {

    private static RoomKind kind(String id, Set<String> actions) {
        return new RoomKind() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public Set<String> actionTypes() {
                return actions;
            }

            @Override
            public ActionResult open(RoomContext room, Actor creator) {
                return ActionResult.changed(snapshot(room, room.clock().instant()));
            }

            @Override
            public ActionResult handle(RoomContext room, Actor actor, RoomAction action) {
                return ActionResult.unchanged();
            }

            @Override
            public RoomState snapshot(RoomContext room, Instant now) {
                return new RoomState(Json.createObjectBuilder().build());
            }
        };
    }

    @Test
    void kindsMatchingTheirDescriptorsHaveNoProblem() {
        ModuleInfo info = ModuleInfo.builder("Film").roomKind("watch-party", "Watch party", "").build();
        assertEquals(List.of(), RoomKinds.check(info, List.of(kind("watch-party", Set.of("play")))));
    }

    @Test
    void aDeclaredKindWithoutBehaviourIsAllowedAsIn10() {
        ModuleInfo info = ModuleInfo.builder("Old").roomKind("echo-room", "Echo", "").build();
        assertEquals(List.of(), RoomKinds.check(info, List.of()));
    }

    @Test
    void undeclaredDuplicateAndActionlessKindsAreProblems() {
        ModuleInfo info = ModuleInfo.builder("Film").roomKind("watch-party", "Watch party", "").build();
        List<String> problems = RoomKinds.check(info, List.of(kind("watch-party", Set.of("play")),
                kind("watch-party", Set.of("play")), kind("quiz", Set.of())));
        assertEquals(List.of("room kind 'watch-party' is provided twice",
                "room kind 'quiz' is provided but not declared in info()",
                "room kind 'quiz' accepts no action type"), problems);
    }

    @Test
    void anActionIsReadFromAFrameOnlyWithAStringActionAndAnObjectPayload() {
        JsonObject frame = Json.createObjectBuilder().add("type", "plugin.action").add("action", "seek")
                .add("payload", Json.createObjectBuilder().add("positionMs", 1500)).build();
        RoomAction action = RoomAction.fromFrame(frame).orElseThrow();
        assertEquals("seek", action.type());
        assertEquals(Optional.of(1500L), action.longArg("positionMs"));
        assertEquals(Optional.empty(), action.longArg("missing"));
        assertEquals(action, RoomAction.fromFrame(action.toFrame()).orElseThrow());

        assertEquals(Optional.of(RoomAction.of("play")),
                RoomAction.fromFrame(Json.createObjectBuilder().add("action", "play").build()));
        assertTrue(RoomAction.fromFrame(Json.createObjectBuilder().add("action", 3).build()).isEmpty());
        assertTrue(RoomAction.fromFrame(Json.createObjectBuilder().add("action", "seek")
                .add("payload", "x").build()).isEmpty());
        assertTrue(RoomAction.fromFrame(Json.createObjectBuilder().build()).isEmpty());
    }

    @Test
    void aFractionalNumberIsNotALongArgument() {
        RoomAction action = new RoomAction("seek", Json.createObjectBuilder().add("positionMs", 1.5).build());
        assertEquals(Optional.empty(), action.longArg("positionMs"));
    }

    @Test
    void resultsCarryStateBroadcastsAndReplies() {
        RoomState state = new RoomState(Json.createObjectBuilder().add("playing", true).build());
        ActionResult.Applied applied = ActionResult.changed(state)
                .andBroadcast(new RoomEvent("host-changed", null))
                .andReply(new RoomEvent("resync", null));
        assertEquals(Optional.of(state), applied.state());
        assertEquals(List.of("host-changed"), applied.broadcast().stream().map(RoomEvent::type).toList());
        assertEquals(List.of("resync"), applied.replies().stream().map(RoomEvent::type).toList());
        assertTrue(ActionResult.unchanged().state().isEmpty());
    }

    @Test
    void errorCodesAndEventTypesAreWireSafe() {
        assertEquals("not-host", ActionResult.rejected("not-host", "Only the host.").code());
        assertThrows(IllegalArgumentException.class, () -> ActionResult.rejected("Not Host", "x"));
        assertThrows(IllegalArgumentException.class, () -> new RoomEvent("<script>", null));
    }

    @Test
    void theRoomScopeIsTheRoomsStorageScope() {
        RoomContext room = new RoomContext("r-42", Optional.of("bristol"), "watch-party", 7,
                Json.createObjectBuilder().build(), java.time.Clock.systemUTC());
        assertEquals(org.creativecities.plugin.api.StorageScope.room("r-42"), room.storageScope());
        assertTrue(new Actor(7, "Ada", false, true, false).moderates());
        assertTrue(!new Actor(8, "Bo", false, false, false).moderates());
    }
}
