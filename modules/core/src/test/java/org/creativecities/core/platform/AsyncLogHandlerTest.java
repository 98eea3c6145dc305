package org.creativecities.core.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AsyncLogHandlerTest {

    /** Collects what reaches the root logger, optionally holding the writer at the first record. */
    private static final class Capture extends Handler {
        final List<String> messages = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch gate;
        final CountDownLatch firstArrived = new CountDownLatch(1);

        Capture(boolean holdAtFirst) {
            gate = new CountDownLatch(holdAtFirst ? 1 : 0);
        }

        @Override
        public void publish(LogRecord record) {
            if (!record.getLoggerName().startsWith("test.async")) {
                return;
            }
            firstArrived.countDown();
            try {
                gate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            messages.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    private final Logger root = Logger.getLogger("");
    private Capture capture;

    @BeforeEach
    void quiet() {
        for (Handler h : root.getHandlers()) {
            h.setLevel(java.util.logging.Level.OFF);
        }
    }

    @AfterEach
    void removeCapture() {
        root.removeHandler(capture);
        for (Handler h : root.getHandlers()) {
            h.setLevel(java.util.logging.Level.ALL);
        }
    }

    /** Installs the handler on {@code logger}, with what reaches the root logger captured. */
    private AsyncLogHandler capturing(Logger logger, int capacity, boolean holdAtFirst) {
        capture = new Capture(holdAtFirst);
        root.addHandler(capture);
        return AsyncLogHandler.install(logger, capacity);
    }

    @Test
    void recordsFromManyThreadsAllArriveAndEachThreadsInOrder() throws Exception {
        Logger logger = Logger.getLogger("test.async.order");
        AsyncLogHandler handler = capturing(logger, 100_000, false);
        List<Thread> threads = IntStream.range(0, 4).mapToObj(t -> new Thread(() -> {
            for (int i = 0; i < 2_000; i++) {
                logger.info(t + ":" + i);
            }
        })).toList();
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        handler.close();
        List<String> got = List.copyOf(capture.messages);
        assertEquals(8_000, got.size());
        for (int t = 0; t < 4; t++) {
            String prefix = t + ":";
            List<String> mine = got.stream().filter(m -> m.startsWith(prefix)).toList();
            assertEquals(IntStream.range(0, 2_000).mapToObj(i -> prefix + i).toList(), mine, "thread " + t);
        }
    }

    @Test
    void aFullQueueDropsInsteadOfBlockingTheCaller() throws Exception {
        Logger logger = Logger.getLogger("test.async.full");
        AsyncLogHandler handler = capturing(logger, 10, true);
        logger.info("first");
        assertTrue(capture.firstArrived.await(10, TimeUnit.SECONDS), "the writer took the first record");
        for (int i = 0; i < 25; i++) {
            logger.info("more " + i);
        }
        capture.gate.countDown();
        handler.close();
        List<String> got = List.copyOf(capture.messages);
        assertEquals("first", got.get(0));
        assertEquals(11, got.size(), "the first record and the ten the queue holds: " + got);
        assertEquals(IntStream.range(0, 10).mapToObj(i -> "more " + i).toList(), got.subList(1, 11));
    }
}
