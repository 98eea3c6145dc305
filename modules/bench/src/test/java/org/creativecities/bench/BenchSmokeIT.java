package org.creativecities.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The smoke run of the benchmark harness (CI): a few seconds of every live load shape against the packaged server
 * and the {@code ws} baseline, and a few seconds of the mixed attack. It proves that the harness works: nothing lost
 * or duplicated, and the report written with its rows; and that the attack leaves the server serving. It asserts no
 * timing: the figures of a shared CI machine mean nothing.
 */
class BenchSmokeIT {

    @Test
    @SuppressWarnings("unchecked")
    void theHarnessRunsAndLosesNothing() throws Exception {
        Bench bench = new Bench(false, Path.of(System.getProperty("ccc.dist.dir")),
                Path.of(System.getProperty("bench.node.src")), Path.of(System.getProperty("bench.work")), false);
        Path md = bench.run();

        assertTrue(Files.isRegularFile(md));
        assertTrue(Files.isRegularFile(md.resolveSibling("report.json")));
        String text = Files.readString(md);
        assertTrue(text.contains("## Live fan-out: one room, 20 receivers"), text);
        assertTrue(text.contains("## Realistic load"), text);
        assertTrue(text.contains("## Idle authenticated WebSockets"), text);

        for (String section : List.of("fanout", "realistic")) {
            List<Map<String, String>> rows = (List<Map<String, String>>) bench.report.get(section);
            for (String target : List.of("ccc", "ws")) {
                List<Map<String, String>> mine = FanoutSteps.only(rows, target);
                assertFalse(mine.isEmpty(), section + " has no row for " + target);
                for (Map<String, String> row : mine) {
                    assertTrue(Long.parseLong(row.get("delivered")) > 0, section + " " + row);
                    assertEquals("0", row.get("lost"), section + " " + row);
                    assertEquals("0", row.get("duplicated"), section + " " + row);
                    assertEquals("0", row.get("errors"), section + " " + row);
                    assertEquals("0", row.get("missingAcks"), section + " " + row);
                }
            }
        }
        Map<String, Object> myRooms = (Map<String, Object>) bench.report.get("myrooms");
        assertTrue(text.contains("## My rooms"), text);
        assertEquals(myRooms.get("rooms"), myRooms.get("listed"), "every room entered is listed: " + myRooms);
        assertEquals((long) (int) myRooms.get("rooms"), myRooms.get("unreadRooms"),
                "every room has unread messages: " + myRooms);
        Map<String, Object> announce = (Map<String, Object>) bench.report.get("announce");
        assertTrue(text.contains("## Announcement fan-out"), text);
        assertEquals(announce.get("people"), announce.get("recipients"), "every seeded person is in the audience: "
                + announce);
        assertEquals(announce.get("people"), announce.get("received"), "everyone got it live: " + announce);
        assertEquals(0, announce.get("duplicated"), "nobody got it twice: " + announce);
        assertEquals(announce.get("people"), announce.get("delivered"), "stored once for each: " + announce);
        List<Map<String, String>> idle = (List<Map<String, String>>) bench.report.get("idle");
        for (String target : List.of("ccc", "ws")) {
            assertEquals("20", FanoutSteps.only(idle, target).get(0).get("held"), idle.toString());
        }
        theMixedAttackLeavesTheServerServing(text, (Map<String, Object>) bench.report.get("attack"));
    }

    /**
     * A few seconds of the mixed attack (issue 12, "Done when"): the members' posts are all acked and delivered, no
     * OutOfMemoryError, the server still answers, the members' rooms are not broken, no attack gets a server error,
     * and the log grew by less than 1 MiB. No timing is asserted.
     */
    @SuppressWarnings("unchecked")
    private static void theMixedAttackLeavesTheServerServing(String text, Map<String, Object> attack) {
        assertTrue(text.contains("## Mixed attack"), text);
        Map<String, String> members = (Map<String, String>) attack.get("row");
        assertTrue(Long.parseLong(members.get("delivered")) > 0, members.toString());
        assertEquals("0", members.get("lost"), "members' messages lost under attack: " + members);
        assertEquals("0", members.get("missingAcks"), "members' posts not acked under attack: " + members);
        assertEquals(false, attack.get("outOfMemoryError"), "OutOfMemoryError in " + attack.get("serverLog"));
        assertEquals(true, attack.get("stillServing"), attack.toString());
        // A message must never break a room (issue 12, finding 2): the rooms' history still answers afterwards.
        for (String status : String.valueOf(attack.get("historyStatuses")).split(" ")) {
            assertEquals("200", status, "a members' room's history after the attack: " + attack);
        }
        // No attack is answered with a server error: 5xx, or a WebSocket `internal` error frame.
        for (Map.Entry<String, String> e : members.entrySet()) {
            if (e.getKey().startsWith("attack.") && e.getKey().endsWith(".outcomes")) {
                for (String outcome : e.getValue().split(" ")) {
                    assertFalse(outcome.startsWith("5") || outcome.startsWith("error:internal"),
                            e.getKey() + " has server errors: " + e.getValue());
                }
            }
        }
        long growth = ((Number) attack.get("logGrowthBytes")).longValue();
        assertTrue(growth < AttackReport.LOG_LIMIT_BYTES, "the server log grew by " + growth + " bytes during the "
                + "attack; see " + attack.get("serverLog"));
    }
}
