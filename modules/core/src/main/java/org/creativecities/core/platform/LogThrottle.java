package org.creativecities.core.platform;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * Decides which repetitions of a log line are written, so that clients cannot fill the log by repeating what the
 * server refuses: at most {@code burst} lines per class (a refusal's code, an answer's status and path) per period,
 * and the next line of a class says how many were left out since the last one.
 *
 * <p>The number of classes is bounded: once {@code maxClasses - 1} are live (a client can make up new paths at will),
 * every new class shares one overflow class, so the memory and the lines a minute stay bounded too. Classes whose
 * last line is older than the period are forgotten as the map fills.
 */
public final class LogThrottle {

    /** The class every new occurrence falls into once {@code maxClasses - 1} classes of their own are live. */
    public static final String OVERFLOW = "(other)";

    private final long periodNanos;
    private final int burst;
    private final int maxClasses;
    private final LongSupplier clock;
    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

    private static final class Window {
        long suppressed;
        long periodStart;
        int lines;
        boolean started;
    }

    /**
     * @param period     the period
     * @param burst      lines of one class written per period (at least 1)
     * @param maxClasses the most classes tracked at once (at least 1)
     * @param clock      nanoseconds, monotonic ({@code System::nanoTime})
     */
    public LogThrottle(Duration period, int burst, int maxClasses, LongSupplier clock) {
        this.periodNanos = period.toNanos();
        this.burst = Math.max(1, burst);
        this.maxClasses = Math.max(1, maxClasses);
        this.clock = clock;
    }

    /**
     * One occurrence of the class. Returns -1 when it is not to be logged ({@code burst} lines of its class were
     * written this period), otherwise how many occurrences of its class were left out since the last line.
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
            if (!w.started || now - w.periodStart >= periodNanos) {
                w.started = true;
                w.periodStart = now;
                w.lines = 0;
            }
            if (w.lines >= burst) {
                w.suppressed++;
                return -1;
            }
            w.lines++;
            long since = w.suppressed;
            w.suppressed = 0;
            return since;
        }
    }

    /** Drops the classes with nothing left out whose period is over: they would be logged anew anyway. */
    private void forgetQuiet(long now) {
        windows.entrySet().removeIf(e -> {
            Window w = e.getValue();
            synchronized (w) {
                return now - w.periodStart >= periodNanos && w.suppressed == 0;
            }
        });
    }
}
