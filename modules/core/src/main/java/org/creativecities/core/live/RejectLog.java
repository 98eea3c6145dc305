package org.creativecities.core.live;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.creativecities.core.platform.LogThrottle;

/**
 * Logs refused client frames without letting clients fill the log: at most one line per class of refusal (its error
 * code) per period, with how many were refused since the last line. Client input never gets a stack trace; a
 * failure of the server's own (class {@code internal}) gets one, still at most once per period.
 */
final class RejectLog {

    /** Error codes are the server's own few; the bound only guards against a mistake. */
    private static final int MAX_CLASSES = 64;

    private final Logger log;
    private final LogThrottle throttle;

    RejectLog(Logger log, Duration period, LongSupplier clock) {
        this.log = log;
        this.throttle = new LogThrottle(period, 1, MAX_CLASSES, clock);
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
        long since = throttle.admit(code);
        if (since < 0) {
            return;
        }
        String line = "Live frames refused (" + code + ")" + (since > 0 ? "; " + since + " more since the last line" : "");
        if (error == null) {
            log.info(line);
        } else {
            log.log(Level.WARNING, line, error);
        }
    }
}
