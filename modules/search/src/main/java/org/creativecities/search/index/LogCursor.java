package org.creativecities.search.index;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a node stands in the change log, and which changes it has not seen yet. Ids are handed out when a row is
 * inserted, but rows become visible when their transactions commit, which is not always in id order: a row with a
 * lower id may appear after a higher one was read. So every id skipped below the highest one read is remembered as
 * a hole, read again at each sweep until its row appears, and given up after {@code holeTimeoutNanos} (its
 * transaction rolled back, or the database skipped the number). Each row is handed out once. Not thread-safe: one
 * follower uses it.
 */
final class LogCursor {

    private final long holeTimeoutNanos;
    private final int maxHoles;
    private final Map<Long, Long> holes = new LinkedHashMap<>();
    private long highest;

    /**
     * @param start            the highest id already accounted for
     * @param holeTimeoutNanos how long a skipped id is waited for
     * @param maxHoles         most skipped ids remembered (the oldest are given up first)
     */
    LogCursor(long start, long holeTimeoutNanos, int maxHoles) {
        this.highest = start;
        this.holeTimeoutNanos = holeTimeoutNanos;
        this.maxHoles = maxHoles;
    }

    /** The highest id read so far: the next read asks for the rows after it. */
    long highest() {
        return highest;
    }

    /** The ids skipped so far and still waited for. */
    Set<Long> holes() {
        return Set.copyOf(holes.keySet());
    }

    /**
     * Takes the rows read (those after {@link #highest()} and those of {@link #holes()}, in any order), at
     * {@code now} (a {@link System#nanoTime()} value); answers those not handed out before, in id order.
     */
    List<ChangeLog.Row> accept(List<ChangeLog.Row> rows, long now) {
        List<ChangeLog.Row> fresh = new ArrayList<>();
        Set<Long> taken = new HashSet<>();
        rows.stream().sorted((a, b) -> Long.compare(a.id(), b.id())).forEach(r -> {
            if (!taken.add(r.id())) {
                return;
            }
            if (r.id() > highest) {
                for (long missing = Math.max(highest + 1, r.id() - maxHoles); missing < r.id(); missing++) {
                    holes.put(missing, now);
                }
                highest = r.id();
                fresh.add(r);
            } else if (holes.remove(r.id()) != null) {
                fresh.add(r);
            }
        });
        while (holes.size() > maxHoles) {
            holes.remove(holes.keySet().iterator().next());
        }
        return fresh;
    }

    /** Gives up the holes waited for longer than the timeout; answers how many. */
    int expire(long now) {
        int before = holes.size();
        holes.values().removeIf(since -> now - since > holeTimeoutNanos);
        return before - holes.size();
    }
}
