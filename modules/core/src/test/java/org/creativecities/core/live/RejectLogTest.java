package org.creativecities.core.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class RejectLogTest {

    private final List<LogRecord> records = new ArrayList<>();
    private final AtomicLong now = new AtomicLong();

    private RejectLog log() {
        Logger logger = Logger.getAnonymousLogger();
        logger.setUseParentHandlers(false);
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        return new RejectLog(logger, Duration.ofMinutes(1), now::get);
    }

    @Test
    void oneLinePerClassPerMinuteWithoutStackTraces() {
        RejectLog log = log();
        for (int i = 0; i < 300; i++) {
            log.refused("too-deep");
            log.refused("bad-frame");
        }
        assertEquals(2, records.size());
        records.forEach(r -> assertNull(r.getThrown()));
        now.addAndGet(Duration.ofMinutes(1).toNanos());
        log.refused("too-deep");
        assertEquals(3, records.size());
        assertTrue(records.get(2).getMessage().contains("299 more"), records.get(2).getMessage());
    }

    @Test
    void serverFailuresKeepTheirStackTraceButAreThrottledToo() {
        RejectLog log = log();
        for (int i = 0; i < 50; i++) {
            log.failed(new IllegalStateException("boom"));
        }
        assertEquals(1, records.size());
        assertTrue(records.get(0).getThrown() instanceof IllegalStateException);
    }
}
