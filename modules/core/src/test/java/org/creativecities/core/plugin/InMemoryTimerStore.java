package org.creativecities.core.plugin;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@link DurableTimerStore} contract over a map, for unit tests of the timers without a database. */
final class InMemoryTimerStore implements DurableTimerStore {

    private final Map<String, Stored> rows = new HashMap<>();
    private long generations;

    private static String key(String pluginId, String name) {
        return pluginId + "\u0000" + name;
    }

    @Override
    public synchronized Stored save(String pluginId, String name, Instant dueAt, String payload) {
        Stored s = new Stored(name, dueAt, payload, 0, ++generations);
        rows.put(key(pluginId, name), s);
        return s;
    }

    @Override
    public synchronized Optional<Stored> find(String pluginId, String name) {
        return Optional.ofNullable(rows.get(key(pluginId, name)));
    }

    @Override
    public synchronized List<Stored> all(String pluginId) {
        return rows.entrySet().stream().filter(e -> e.getKey().startsWith(pluginId + "\u0000"))
                .map(Map.Entry::getValue).sorted(Comparator.comparing(Stored::dueAt)).toList();
    }

    @Override
    public synchronized long count(String pluginId) {
        return all(pluginId).size();
    }

    @Override
    public synchronized Optional<Stored> beginAttempt(String pluginId, String name, long generation) {
        return find(pluginId, name).filter(s -> s.generation() == generation).map(s -> {
            Stored next = new Stored(s.name(), s.dueAt(), s.payload(), s.attempts() + 1, s.generation());
            rows.put(key(pluginId, name), next);
            return next;
        });
    }

    @Override
    public synchronized boolean delete(String pluginId, String name) {
        return rows.remove(key(pluginId, name)) != null;
    }

    @Override
    public synchronized boolean delete(String pluginId, String name, long generation) {
        return find(pluginId, name).filter(s -> s.generation() == generation)
                .map(s -> rows.remove(key(pluginId, name)) != null).orElse(false);
    }
}
