package org.creativecities.core.plugin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One plugin's failures per city, and the cities where they suspended it. A city's failures reaching the threshold
 * within the window suspend the plugin in that city for one window (or until an administrator starts or enables it
 * again); other cities are not affected. Thread-safe; time is passed in; memory is bounded by the number of cities.
 */
final class CityFailures {

    private final int threshold;
    private final Duration window;
    private final Map<String, FailureWindow> windows = new ConcurrentHashMap<>();
    private final Map<String, Instant> suspendedUntil = new ConcurrentHashMap<>();

    CityFailures(int threshold, Duration window) {
        this.threshold = threshold;
        this.window = window;
    }

    /** Records a failure in {@code city}; true if it now suspends the plugin there. */
    boolean record(String city, Instant at) {
        FailureWindow failures = windows.computeIfAbsent(city, c -> new FailureWindow(threshold, window));
        if (!failures.record(at)) {
            return false;
        }
        failures.clear();
        suspendedUntil.put(city, at.plus(window));
        return true;
    }

    boolean isSuspended(String city, Instant now) {
        Instant until = suspendedUntil.get(city);
        if (until == null) {
            return false;
        }
        if (!until.isAfter(now)) {
            suspendedUntil.remove(city, until);
            return false;
        }
        return true;
    }

    /** The cities where the plugin is suspended at {@code now}, sorted. */
    List<String> suspended(Instant now) {
        return suspendedUntil.keySet().stream().filter(c -> isSuspended(c, now)).sorted().toList();
    }

    void clear() {
        windows.clear();
        suspendedUntil.clear();
    }
}
