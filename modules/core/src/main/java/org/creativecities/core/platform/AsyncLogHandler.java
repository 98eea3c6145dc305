package org.creativecities.core.platform;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
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
 */
public final class AsyncLogHandler extends Handler {

    private static final Logger LOG = Logger.getLogger(AsyncLogHandler.class.getName());

    private final Logger target;
    private final BlockingQueue<LogRecord> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private volatile boolean open = true;

    private AsyncLogHandler(Logger target, int capacity) {
        this.target = target;
        this.queue = new ArrayBlockingQueue<>(capacity);
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
        if (!queue.offer(record)) {
            dropped.incrementAndGet();
        }
    }

    private void drain() {
        while (open || !queue.isEmpty()) {
            try {
                LogRecord record = queue.take();
                for (Handler h : Logger.getLogger("").getHandlers()) {
                    h.publish(record);
                }
                long lost = dropped.getAndSet(0);
                if (lost > 0) {
                    LOG.warning(() -> lost + " " + target.getName() + " records were dropped: the console could not "
                            + "keep up");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
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

    /** Writes what is queued, then restores the logger to publish through its parents again. */
    @Override
    public void close() {
        open = false;
        target.removeHandler(this);
        target.setUseParentHandlers(true);
        writer.interrupt();
        LogRecord record;
        while ((record = queue.poll()) != null) {
            for (Handler h : Logger.getLogger("").getHandlers()) {
                h.publish(record);
            }
        }
    }
}
