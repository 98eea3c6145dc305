package org.creativecities.core.live;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Who is connected: every open live connection by its session id, and each account's connections. */
final class Connections {

    private final ConcurrentMap<String, Connection> byId = new ConcurrentHashMap<>();
    private final ConcurrentMap<Long, Set<Connection>> byAccount = new ConcurrentHashMap<>();

    /**
     * Registers a new connection, unless its account already has {@code maxPerAccount} open.
     *
     * @return false when the account has too many connections; the connection was not registered
     */
    boolean add(Connection c, int maxPerAccount) {
        if (c.who().isPresent()) {
            Set<Connection> mine = byAccount.computeIfAbsent(c.who().get().id(), k -> ConcurrentHashMap.newKeySet());
            synchronized (mine) {
                if (mine.size() >= maxPerAccount) {
                    return false;
                }
                mine.add(c);
            }
        }
        byId.put(c.id(), c);
        return true;
    }

    /** Forgets the connection of this session; empty when it was not registered. */
    Optional<Connection> remove(String sessionId) {
        Connection c = byId.remove(sessionId);
        if (c == null) {
            return Optional.empty();
        }
        c.who().ifPresent(w -> {
            Set<Connection> mine = byAccount.get(w.id());
            if (mine != null) {
                synchronized (mine) {
                    mine.remove(c);
                }
            }
        });
        return Optional.of(c);
    }

    Optional<Connection> find(String sessionId) {
        return Optional.ofNullable(byId.get(sessionId));
    }

    /** Every open connection, now. */
    List<Connection> all() {
        return List.copyOf(byId.values());
    }

    /** The account's open connections, now. */
    Set<Connection> of(long accountId) {
        Set<Connection> mine = byAccount.get(accountId);
        return mine == null ? Set.of() : Set.copyOf(mine);
    }

    /** How many connections write through each path (for {@code /health}). */
    long count(FrameSender.Path path) {
        return byId.values().stream().filter(c -> c.path() == path).count();
    }
}
