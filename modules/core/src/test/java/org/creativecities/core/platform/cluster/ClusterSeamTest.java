package org.creativecities.core.platform.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The cluster seam on one node ({@link LocalCluster}) and on two real Hazelcast members in this JVM
 * ({@link HazelcastCluster}, bound to 127.0.0.1 with a cluster name of their own).
 */
class ClusterSeamTest {

    @Test
    void aLocalMapIsTakenOnceAndForgetsWhatExpired() {
        HandClock clock = new HandClock(Instant.parse("2026-12-06T01:00:00Z"));
        Cluster.SharedMap tickets = new LocalCluster(clock).map("tickets");
        tickets.put("a", "1", Duration.ofSeconds(30));
        tickets.put("b", "2", Duration.ofSeconds(30));
        assertEquals(Optional.of("1"), tickets.take("a"));
        assertEquals(Optional.empty(), tickets.take("a"));
        clock.set(clock.instant().plusSeconds(31));
        assertEquals(Optional.empty(), tickets.get("b"));
        assertEquals(Optional.empty(), tickets.take("b"));
    }

    @Test
    void twoHazelcastNodesShareMapsHearEachOtherAndSeeADeparture() throws Exception {
        String name = "ccc-seam-test-" + UUID.randomUUID();
        int portA = freePort();
        int portB = freePort();
        HazelcastInstance a = Hazelcast.newHazelcastInstance(config(name, portA, List.of(portA, portB)));
        HazelcastInstance b = Hazelcast.newHazelcastInstance(config(name, portB, List.of(portA, portB)));
        try {
            HazelcastCluster nodeA = new HazelcastCluster(a);
            HazelcastCluster nodeB = new HazelcastCluster(b);
            assertEquals(2, nodeA.nodes().size(), "the two members joined");

            BlockingQueue<String> heardByA = new LinkedBlockingQueue<>();
            BlockingQueue<String> heardByB = new LinkedBlockingQueue<>();
            nodeA.subscribe("hints", heardByA::add);
            nodeB.subscribe("hints", heardByB::add);
            nodeA.publish("hints", "room 7 seq 3");
            assertEquals("room 7 seq 3", heardByB.poll(30, TimeUnit.SECONDS));
            nodeB.publish("hints", "from b");
            assertEquals("from b", heardByA.poll(30, TimeUnit.SECONDS));
            assertFalse(heardByA.contains("room 7 seq 3"), "a node never hears itself");

            nodeA.map("tickets").put("t", "42", Duration.ofSeconds(30));
            assertEquals(Optional.of("42"), nodeB.map("tickets").get("t"));
            assertEquals(Optional.of("42"), nodeB.map("tickets").take("t"));
            assertEquals(Optional.empty(), nodeA.map("tickets").take("t"), "taken once across the nodes");

            Cluster.SharedMap countsA = nodeA.map("counts");
            Cluster.SharedMap countsB = nodeB.map("counts");
            java.util.function.UnaryOperator<String> plusOne =
                    v -> Integer.toString(v == null ? 1 : Integer.parseInt(v) + 1);
            CompletableFuture<Void> onA = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 200; i++) {
                    countsA.update("n", plusOne, v -> Duration.ofMinutes(1));
                }
            });
            for (int i = 0; i < 200; i++) {
                countsB.update("n", plusOne, v -> Duration.ofMinutes(1));
            }
            onA.join();
            assertEquals(Optional.of("400"), countsA.get("n"), "every update of both nodes counted once");
            countsB.update("n", v -> v + "!", v -> Duration.ofMillis(300));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (countsA.get("n").isPresent() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(Optional.empty(), countsA.get("n"), "the last update's time to live holds");

            BlockingQueue<String> left = new LinkedBlockingQueue<>();
            nodeA.onNodeLeft(left::add);
            String idB = nodeB.nodeId();
            b.getLifecycleService().terminate();
            assertEquals(idB, left.poll(60, TimeUnit.SECONDS));
            assertTrue(nodeA.nodes().equals(java.util.Set.of(nodeA.nodeId())));
        } finally {
            a.getLifecycleService().terminate();
            b.getLifecycleService().terminate();
        }
    }

    private static Config config(String name, int port, List<Integer> members) {
        Config c = new Config();
        c.setClusterName(name);
        c.setProperty("hazelcast.phone.home.enabled", "false");
        c.setProperty("hazelcast.socket.bind.any", "false");
        c.setProperty("hazelcast.logging.type", "none");
        c.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
        c.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = c.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true);
        members.forEach(p -> join.getTcpIpConfig().addMember("127.0.0.1:" + p));
        return c;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
