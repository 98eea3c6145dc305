package org.creativecities.core.platform.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One node alone ({@code ccc.cluster.mode=none}): topics go nowhere (there is no other node), maps are in memory
 * and drop expired entries as they are read, and at most once a minute as they are written.
 */
public final class LocalCluster implements Cluster {

    private final String nodeId = UUID.randomUUID().toString();
    private final ConcurrentMap<String, LocalMap> maps = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LocalSets> sets = new ConcurrentHashMap<>();
    private final Clock clock;

    public LocalCluster(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public boolean clustered() {
        return false;
    }

    @Override
    public Set<String> nodes() {
        return Set.of(nodeId);
    }

    @Override
    public void publish(String topic, String message) {
        // No other node to tell.
    }

    @Override
    public void subscribe(String topic, Consumer<String> listener) {
        // No other node ever publishes.
    }

    @Override
    public void onNodeLeft(Consumer<String> listener) {
        // No other node can leave.
    }

    @Override
    public SharedMap map(String name) {
        return maps.computeIfAbsent(name, n -> new LocalMap(clock));
    }

    @Override
    public SharedSets sets(String name) {
        return sets.computeIfAbsent(name, n -> new LocalSets());
    }

    private static final class LocalSets implements SharedSets {

        private final ConcurrentMap<String, Set<String>> byKey = new ConcurrentHashMap<>();

        @Override
        public void add(String key, String value) {
            byKey.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(value);
        }

        @Override
        public void remove(String key, String value) {
            byKey.computeIfPresent(key, (k, values) -> values.remove(value) && values.isEmpty() ? null : values);
        }

        @Override
        public Set<String> get(String key) {
            Set<String> values = byKey.get(key);
            return values == null ? Set.of() : Set.copyOf(values);
        }

        @Override
        public Set<String> keys() {
            return Set.copyOf(byKey.keySet());
        }
    }

    private static final class LocalMap implements SharedMap {

        private record Entry(String value, Instant expires) {
        }

        private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
        private final Clock clock;
        private volatile Instant nextPurge = Instant.MIN;

        LocalMap(Clock clock) {
            this.clock = clock;
        }

        @Override
        public void put(String key, String value, Duration ttl) {
            Instant now = clock.instant();
            if (now.isAfter(nextPurge)) {
                nextPurge = now.plusSeconds(60);
                entries.values().removeIf(e -> !e.expires().isAfter(now));
            }
            entries.put(key, new Entry(value, now.plus(ttl)));
        }

        @Override
        public Optional<String> get(String key) {
            return live(entries.get(key));
        }

        @Override
        public Optional<String> take(String key) {
            return live(entries.remove(key));
        }

        @Override
        public void remove(String key) {
            entries.remove(key);
        }

        @Override
        public String update(String key, UnaryOperator<String> change, Function<String, Duration> ttl) {
            Instant now = clock.instant();
            Entry next = entries.compute(key, (k, old) -> {
                String before = old == null || !old.expires().isAfter(now) ? null : old.value();
                String value = change.apply(before);
                if (value != null && value.equals(before)) {
                    return old;
                }
                return value == null ? null : new Entry(value, now.plus(ttl.apply(value)));
            });
            return next == null ? null : next.value();
        }

        private Optional<String> live(Entry e) {
            return e == null || !e.expires().isAfter(clock.instant()) ? Optional.empty() : Optional.of(e.value());
        }
    }
}
