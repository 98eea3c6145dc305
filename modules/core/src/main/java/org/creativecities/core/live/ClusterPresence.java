package org.creativecities.core.live;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.cluster.Cluster;

/**
 * Presence and typing across nodes. Each node owns the entries of its own people: when a person's first connection
 * in a room arrives here, this node adds {@code account|node|name} to the room's shared set ({@value #SETS}) and
 * tells the others on the topic {@value #TOPIC}; when the last one leaves, it removes the entry and tells them. Every
 * node keeps the other nodes' entries in memory (loaded from the shared sets at start, then kept from the topic), so
 * that a room's {@code joined}/{@code left} is announced once per person across the cluster and a joiner's
 * {@code online} list names everyone in the room on any node. When a node leaves the cluster (stopped, killed, cut
 * off), the others drop its entries, announce the departures, and remove them from the shared sets.
 *
 * <p>Typing is a topic message only. On one node ({@code ccc.cluster.mode=none}) all of this is skipped.
 */
final class ClusterPresence {

    /** The topic of arrivals, departures and typing. */
    static final String TOPIC = "live.presence";
    /** The shared sets: room id to {@code account|node|name} of the people in it, per node. */
    static final String SETS = "live-presence";

    private static final Logger LOG = Logger.getLogger(ClusterPresence.class.getName());

    private final Cluster cluster;
    private final Executor serial;
    private RoomHubs hubs;
    /** Other nodes' people in rooms: room, account, node, the person's JSON. Guarded by itself. */
    private final Map<Long, Map<Long, Map<String, JsonObject>>> remote = new HashMap<>();

    /**
     * @param serial runs this node's writes to the shared sets one at a time, in order, off the callers' threads
     */
    ClusterPresence(Cluster cluster, Executor serial) {
        this.cluster = cluster;
        this.serial = serial;
    }

    /** Starts hearing the other nodes, then loads what they announced before (in a cluster). */
    void start(RoomHubs rooms) {
        this.hubs = rooms;
        if (!cluster.clustered()) {
            return;
        }
        cluster.subscribe(TOPIC, this::heard);
        cluster.onNodeLeft(node -> later(() -> nodeLeft(node)));
        later(this::load);
    }

    /** Whether the person is in the room on another node. */
    boolean elsewhere(long roomId, long accountId) {
        if (!cluster.clustered()) {
            return false;
        }
        synchronized (remote) {
            Map<Long, Map<String, JsonObject>> people = remote.get(roomId);
            return people != null && people.containsKey(accountId);
        }
    }

    /** The people in the room on other nodes. */
    Map<Long, JsonObject> elsewhere(long roomId) {
        if (!cluster.clustered()) {
            return Map.of();
        }
        Map<Long, JsonObject> people = new HashMap<>();
        synchronized (remote) {
            remote.getOrDefault(roomId, Map.of()).forEach((account, nodes) ->
                    nodes.values().stream().findFirst().ifPresent(u -> people.put(account, u)));
        }
        return people;
    }

    /** The person's first connection in the room on this node arrived. */
    void arrived(long roomId, Caller.Identity who) {
        if (cluster.clustered()) {
            String name = who.displayName();
            later(() -> {
                cluster.sets(SETS).add(Long.toString(roomId), who.id() + "|" + cluster.nodeId() + "|" + name);
                cluster.publish(TOPIC, "J|" + roomId + "|" + who.id() + "|" + cluster.nodeId() + "|" + name);
            });
        }
    }

    /** The person's last connection in the room on this node left; {@code name} as it was when they arrived. */
    void departed(long roomId, long accountId, String name) {
        if (cluster.clustered()) {
            later(() -> {
                cluster.sets(SETS).remove(Long.toString(roomId), accountId + "|" + cluster.nodeId() + "|" + name);
                cluster.publish(TOPIC, "L|" + roomId + "|" + accountId + "|" + cluster.nodeId() + "|" + name);
            });
        }
    }

    /** The person is typing in the room, on this node. */
    void typing(long roomId, Caller.Identity who) {
        if (cluster.clustered()) {
            cluster.publish(TOPIC, "T|" + roomId + "|" + who.id() + "|" + cluster.nodeId() + "|" + who.displayName());
        }
    }

    /** Runs the task on the serial thread; not once the engine stopped (the node leaves, the others clean up). */
    private void later(Runnable task) {
        try {
            serial.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Telling the cluster about presence failed", e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.fine("The engine stopped; presence is no longer told");
        }
    }

    /** A message of another node: {@code J|L|T}, room, account, node, name. */
    private void heard(String message) {
        String[] p = message.split("\\|", 5);
        try {
            long roomId = Long.parseLong(p[1]);
            long account = Long.parseLong(p[2]);
            JsonObject user = Frames.user(account, p[4]);
            switch (p[0]) {
                case "J" -> remoteArrived(roomId, account, p[3], user);
                case "L" -> remoteDeparted(roomId, account, p[3], user);
                case "T" -> {
                    RoomHub hub = hubs.existing(roomId);
                    if (hub != null) {
                        hub.broadcast(Frames.typing(roomId, user));
                    }
                }
                default -> LOG.fine(() -> "An unknown presence message was ignored: " + message);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "A malformed presence message was ignored: " + message, e);
        }
    }

    private void remoteArrived(long roomId, long account, String node, JsonObject user) {
        boolean first;
        synchronized (remote) {
            Map<String, JsonObject> nodes = remote.computeIfAbsent(roomId, r -> new HashMap<>())
                    .computeIfAbsent(account, a -> new HashMap<>());
            first = nodes.isEmpty();
            nodes.put(node, user);
        }
        RoomHub hub = hubs.existing(roomId);
        if (first && hub != null) {
            hub.arrivedElsewhere(account, user);
        }
    }

    private void remoteDeparted(long roomId, long account, String node, JsonObject user) {
        boolean last = false;
        synchronized (remote) {
            Map<Long, Map<String, JsonObject>> people = remote.get(roomId);
            Map<String, JsonObject> nodes = people == null ? null : people.get(account);
            if (nodes != null && nodes.remove(node) != null && nodes.isEmpty()) {
                last = true;
                people.remove(account);
                if (people.isEmpty()) {
                    remote.remove(roomId);
                }
            }
        }
        RoomHub hub = hubs.existing(roomId);
        if (last && hub != null) {
            hub.departedElsewhere(account, user);
        }
    }

    /** The other nodes' entries, as the shared sets hold them now. */
    private void load() {
        try {
            Cluster.SharedSets sets = cluster.sets(SETS);
            for (String room : sets.keys()) {
                for (String value : sets.get(room)) {
                    String[] p = value.split("\\|", 3);
                    if (p.length == 3 && !p[1].equals(cluster.nodeId())) {
                        long account = Long.parseLong(p[0]);
                        remoteArrived(Long.parseLong(room), account, p[1], Frames.user(account, p[2]));
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Loading the other nodes' presence failed; it fills as they announce", e);
        }
    }

    /** A node left: its people leave its rooms, and its entries leave the shared sets. */
    private void nodeLeft(String node) {
        List<Object[]> gone = new ArrayList<>();
        synchronized (remote) {
            remote.forEach((roomId, people) -> people.forEach((account, nodes) -> {
                if (nodes.containsKey(node)) {
                    gone.add(new Object[] {roomId, account, nodes.get(node)});
                }
            }));
        }
        for (Object[] g : gone) {
            remoteDeparted((Long) g[0], (Long) g[1], node, (JsonObject) g[2]);
        }
        try {
            Cluster.SharedSets sets = cluster.sets(SETS);
            for (String room : sets.keys()) {
                for (String value : sets.get(room)) {
                    String[] p = value.split("\\|", 3);
                    if (p.length == 3 && p[1].equals(node)) {
                        sets.remove(room, value);
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Removing a departed node's presence entries failed", e);
        }
        LOG.info(() -> "Node " + node + " left the cluster; " + gone.size() + " of its room presences ended");
    }
}
