package org.creativecities.core.platform;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Publishes a logger's records to the root logger's handlers from one background thread, so that request threads
 * never wait for the console.
 *
 * <p>Used for the access log ({@code ccc.access}, one line per HTTP request): the console handler is synchronised,
 * and the benchmark's profile showed request threads blocked on it under load (docs/benchmarks.md). Records keep
 * their order. When the queue is full (the console cannot keep up), records are dropped rather than slowing
 * requests, and the number dropped is logged once the queue has room again.
 *
 * <p>Request threads hand records over without a lock (a lock-free queue with a counted bound): a blocking queue's
 * single lock, shared by every request thread and the writer, showed up as request threads parked on it under load.
 * The writer sleeps when there is nothing to write and is woken by the next record.
 */
public final class AsyncLogHandler extends Handler {

    private static final Logger LOG = Logger.getLogger(AsyncLogHandler.class.getName());
    private static final long CLOSE_WAIT_MILLIS = 5_000;

    private final Logger target;
    private final Queue<LogRecord> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final int capacity;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private volatile boolean open = true;
    private volatile boolean writerSleeping;

    private AsyncLogHandler(Logger target, int capacity) {
        this.target = target;
        this.capacity = capacity;
        this.writer = new Thread(this::drain, "ccc-log-writer-" + target.getName());
        this.writer.setDaemon(true);
    }

    /**
     * Sends the records of {@code logger} through a background writer to the root logger's handlers, instead of
     * having the logging thread publish them itself.
     */
    public static AsyncLogHandler install(Logger logger, int capacity) {
        AsyncLogHandler handler = new AsyncLogHandler(logger, capacity);
        logger.addHandler(handler);
        logger.setUseParentHandlers(false);
        handler.writer.start();
        return handler;
    }

    @Override
    public void publish(LogRecord record) {
        if (!open || !isLoggable(record)) {
            return;
        }
        if (queued.incrementAndGet() > capacity) {
            queued.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        queue.offer(record);
        if (writerSleeping) {
            LockSupport.unpark(writer);
        }
    }

    /** The next record, waiting for one while the handler is open; null once it is closed (or interrupted). */
    private LogRecord take() {
        while (true) {
            LogRecord record = queue.poll();
            if (record != null) {
                queued.decrementAndGet();
                return record;
            }
            if (!open || Thread.currentThread().isInterrupted()) {
                return null;
            }
            writerSleeping = true;
            if (queue.isEmpty()) {
                LockSupport.park(this);
            }
            writerSleeping = false;
        }
    }

    private void drain() {
        LogRecord record;
        while ((record = take()) != null) {
            try {
                for (Handler h : Logger.getLogger("").getHandlers()) {
                    h.publish(record);
                }
                long lost = dropped.getAndSet(0);
                if (lost > 0) {
                    LOG.warning(() -> lost + " " + target.getName() + " records were dropped: the console could not "
                            + "keep up");
                }
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "A log record could not be written", e);
            }
        }
    }

    @Override
    public void flush() {
        for (Handler h : Logger.getLogger("").getHandlers()) {
            h.flush();
        }
    }

    /**
     * Restores the logger to publish through its parents again, and lets the writer finish what is queued (for a few
     * seconds at most; what is left then is written here).
     */
    @Override
    public void close() {
        open = false;
        target.removeHandler(this);
        target.setUseParentHandlers(true);
        LockSupport.unpark(writer);
        try {
            writer.join(CLOSE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LogRecord record;
        while ((record = queue.poll()) != null) {
            for (Handler h : Logger.getLogger("").getHandlers()) {
                h.publish(record);
            }
        }
    }
}
