package org.creativecities.core.platform.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.multimap.MultiMap;
import com.hazelcast.topic.Message;
import com.hazelcast.topic.ReliableMessageListener;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The cluster over the Hazelcast member that Payara Micro starts ({@code ccc.cluster.mode} other than {@code none}).
 * Topics are Hazelcast reliable topics (a ring buffer per topic), read by loss-tolerant listeners: a node that falls
 * behind the ring buffer skips what was overwritten and goes on, rather than stop listening; callers catch up from
 * the database. Messages carry the publishing node's id, so a node never hears its own. Maps are Hazelcast maps
 * (one backup by default), with a time to live per entry; {@link SharedMap#take} is the map's atomic remove,
 * {@link SharedMap#update} a compare-and-set loop (get, then put-if-absent or replace-if-same, then the new time to
 * live), so that no class of the application has to be loaded by the member that owns the key. Sets
 * are Hazelcast multi-maps (values as a set).
 */
public final class HazelcastCluster implements Cluster {

    private static final Logger LOG = Logger.getLogger(HazelcastCluster.class.getName());

    /** Prefix of every Hazelcast structure of the platform, apart from Payara's own. */
    static final String PREFIX = "ccc.";

    private final HazelcastInstance hazelcast;
    private final String nodeId;

    public HazelcastCluster(HazelcastInstance hazelcast) {
        this.hazelcast = hazelcast;
        this.nodeId = hazelcast.getCluster().getLocalMember().getUuid().toString();
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public boolean clustered() {
        return true;
    }

    @Override
    public Set<String> nodes() {
        Set<String> ids = new LinkedHashSet<>();
        for (Member m : hazelcast.getCluster().getMembers()) {
            ids.add(m.getUuid().toString());
        }
        return ids;
    }

    @Override
    public void publish(String topic, String message) {
        try {
            hazelcast.<String>getReliableTopic(PREFIX + topic).publishAsync(nodeId + '|' + message)
                    .exceptionally(e -> {
                        LOG.log(Level.FINE, "A cluster hint was not published", e);
                        return null;
                    });
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "A cluster hint was not published", e);
        }
    }

    @Override
    public void subscribe(String topic, Consumer<String> listener) {
        hazelcast.<String>getReliableTopic(PREFIX + topic).addMessageListener(new TolerantListener(nodeId, listener));
    }

    @Override
    public void onNodeLeft(Consumer<String> listener) {
        hazelcast.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                // Nothing to do: a new node reads the database.
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                listener.accept(event.getMember().getUuid().toString());
            }
        });
    }

    @Override
    public SharedMap map(String name) {
        IMap<String, String> map = hazelcast.getMap(PREFIX + name);
        return new SharedMap() {
            @Override
            public void put(String key, String value, Duration ttl) {
                map.put(key, value, millis(ttl), TimeUnit.MILLISECONDS);
            }

            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(map.get(key));
            }

            @Override
            public Optional<String> take(String key) {
                return Optional.ofNullable(map.remove(key));
            }

            @Override
            public void remove(String key) {
                map.delete(key);
            }

            @Override
            public String update(String key, UnaryOperator<String> change, Function<String, Duration> ttl) {
                // Compare and set: no class of ours has to travel to the member that owns the key.
                while (true) {
                    String old = map.get(key);
                    String next = change.apply(old);
                    if (next == null) {
                        if (old == null || map.remove(key, old)) {
                            return null;
                        }
                    } else if (next.equals(old)) {
                        return next;
                    } else if (old == null) {
                        if (map.putIfAbsent(key, next, millis(ttl.apply(next)), TimeUnit.MILLISECONDS) == null) {
                            return next;
                        }
                    } else if (map.replace(key, old, next)) {
                        map.setTtl(key, millis(ttl.apply(next)), TimeUnit.MILLISECONDS);
                        return next;
                    }
                }
            }
        };
    }

    @Override
    public SharedSets sets(String name) {
        MultiMap<String, String> multi = hazelcast.getMultiMap(PREFIX + name);
        return new SharedSets() {
            @Override
            public void add(String key, String value) {
                multi.put(key, value);
            }

            @Override
            public void remove(String key, String value) {
                multi.remove(key, value);
            }

            @Override
            public Set<String> get(String key) {
                return Set.copyOf(multi.get(key));
            }

            @Override
            public Set<String> keys() {
                return Set.copyOf(multi.keySet());
            }
        };
    }

    private static long millis(Duration ttl) {
        return Math.max(1, ttl.toMillis());
    }

    /**
     * A reliable topic's listener that tolerates loss (it goes on after the ring buffer overwrote what it had not
     * read), never ends on an exception of its callback, starts at the next message, and drops its own node's.
     */
    private static final class TolerantListener implements ReliableMessageListener<String> {

        private final String ownPrefix;
        private final Consumer<String> listener;

        TolerantListener(String nodeId, Consumer<String> listener) {
            this.ownPrefix = nodeId + '|';
            this.listener = listener;
        }

        @Override
        public void onMessage(Message<String> message) {
            String text = message.getMessageObject();
            int bar = text == null ? -1 : text.indexOf('|');
            if (bar < 0 || text.startsWith(ownPrefix)) {
                return;
            }
            try {
                listener.accept(text.substring(bar + 1));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A cluster message's listener failed", e);
            }
        }

        @Override
        public long retrieveInitialSequence() {
            return -1;
        }

        @Override
        public void storeSequence(long sequence) {
            // Nothing kept: a restarted node starts with the next message and reads the database.
        }

        @Override
        public boolean isLossTolerant() {
            return true;
        }

        @Override
        public boolean isTerminal(Throwable failure) {
            return false;
        }
    }
}
