package org.creativecities.core.live;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs refused client frames without letting clients fill the log: at most one line per class of refusal (its error
 * code) per period, with how many were refused since the last line. Client input never gets a stack trace; a
 * failure of the server's own (class {@code internal}) gets one, still at most once per period.
 */
final class RejectLog {

    private final Logger log;
    private final long periodNanos;
    private final LongSupplier clock;
    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

    private static final class Window {
        final AtomicLong suppressed = new AtomicLong();
        volatile long lastLine = Long.MIN_VALUE;
    }

    RejectLog(Logger log, Duration period, LongSupplier clock) {
        this.log = log;
        this.periodNanos = period.toNanos();
        this.clock = clock;
    }

    /** A refused frame of this class (an error code); logged if no line of its class was written this period. */
    void refused(String code) {
        note(code, null);
    }

    /** A frame the server failed to handle; logged with its stack trace, at most once a period. */
    void failed(Throwable error) {
        note("internal", error);
    }

    private void note(String code, Throwable error) {
        Window w = windows.computeIfAbsent(code, k -> new Window());
        long now = clock.getAsLong();
        long since;
        synchronized (w) {
            if (w.lastLine != Long.MIN_VALUE && now - w.lastLine < periodNanos) {
                w.suppressed.incrementAndGet();
                return;
            }
            w.lastLine = now;
            since = w.suppressed.getAndSet(0);
        }
        String line = "Live frames refused (" + code + ")" + (since > 0 ? "; " + since + " more since the last line" : "");
        if (error == null) {
            log.info(line);
        } else {
            log.log(Level.WARNING, line, error);
        }
    }
}
