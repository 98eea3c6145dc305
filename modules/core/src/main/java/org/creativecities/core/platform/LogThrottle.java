package org.creativecities.core.platform;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * Decides which repetitions of a log line are written, so that clients cannot fill the log by repeating what the
 * server refuses: at most one line per class (a refusal's code, an answer's status and path) per period, and the
 * next line of a class says how many were left out since the last one.
 *
 * <p>The number of classes is bounded: once {@code maxClasses - 1} are live (a client can make up new paths at will),
 * every new class shares one overflow class, so the memory and the lines a minute stay bounded too. Classes whose
 * last line is older than the period are forgotten as the map fills.
 */
public final class LogThrottle {

    /** The class every new occurrence falls into once {@code maxClasses - 1} classes of their own are live. */
    public static final String OVERFLOW = "(other)";

    private final long periodNanos;
    private final int maxClasses;
    private final LongSupplier clock;
    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

    private static final class Window {
        long suppressed;
        long lastLine;
        boolean logged;
    }

    /**
     * @param period     how long one line of a class covers
     * @param maxClasses the most classes tracked at once (at least 1)
     * @param clock      nanoseconds, monotonic ({@code System::nanoTime})
     */
    public LogThrottle(Duration period, int maxClasses, LongSupplier clock) {
        this.periodNanos = period.toNanos();
        this.maxClasses = Math.max(1, maxClasses);
        this.clock = clock;
    }

    /**
     * One occurrence of the class. Returns -1 when it is not to be logged (a line of its class was written less
     * than a period ago), otherwise how many occurrences of its class were left out since the last line.
     */
    public long admit(String cls) {
        long now = clock.getAsLong();
        Window w = windows.get(cls);
        if (w == null) {
            if (windows.size() >= maxClasses - 1) {
                forgetQuiet(now);
            }
            w = windows.size() >= maxClasses - 1 ? windows.computeIfAbsent(OVERFLOW, k -> new Window())
                    : windows.computeIfAbsent(cls, k -> new Window());
        }
        synchronized (w) {
            if (w.logged && now - w.lastLine < periodNanos) {
                w.suppressed++;
                return -1;
            }
            w.logged = true;
            w.lastLine = now;
            long since = w.suppressed;
            w.suppressed = 0;
            return since;
        }
    }

    /** Drops the classes with nothing left out whose last line is a period old: they would be logged anew anyway. */
    private void forgetQuiet(long now) {
        windows.entrySet().removeIf(e -> {
            Window w = e.getValue();
            synchronized (w) {
                return now - w.lastLine >= periodNanos && w.suppressed == 0;
            }
        });
    }
}
