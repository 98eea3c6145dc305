package org.creativecities.app.testkit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * At most two test classes of the integration run work at once, as the machine has two cores; and the shared
 * server's classes keep one of the two while they last.
 *
 * <p>The lanes' locks ({@link OwnServerLane}, {@code browser.BrowserLane}) keep each lane to one class at a time, and
 * the shared server's classes run one after the other; but a worker that waits (for a lane's lock, or for a server it
 * boots) gets a stand-in thread from the pool, which may start a class of a third lane. So every class of the
 * shared server, of the browser server and of the own-server lane takes one of two permits before its first test, and
 * gives it back when it ended (whether or not its tests failed). A class waiting for a permit holds no permit, and a
 * class holding one waits for nothing another class holds, so no class waits for ever.
 *
 * <p>The order of waiting: the shared server's classes are the longest chain of the run (about 60 classes, one after
 * the other), so when one of them ends, its permit stays reserved for the next one for {@link #HANDOFF_MILLIS}; the two
 * lanes share the other permit meanwhile, first come first served, and take both once the shared classes are done.
 * Without it, a lane class waiting at each hand-over took the permit, and the shared classes ran alone for minutes at
 * the end of the run.
 */
public final class RunningClasses implements BeforeAllCallback {

    /** How long a permit given back by a shared-server class waits for the next one. */
    static final long HANDOFF_MILLIS = 3_000;

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RunningClasses.class);
    private static final Permits PERMITS = new Permits(2, HANDOFF_MILLIS);

    @Override
    public void beforeAll(ExtensionContext context) {
        enter(context);
    }

    /** Takes a permit for the test class of {@code context} (a top-level class only), once, until the class ends. */
    public static void enter(ExtensionContext context) {
        boolean topLevel = context.getParent().flatMap(ExtensionContext::getParent).isEmpty();
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        if (topLevel && store.get(Permit.class) == null) {
            boolean shared = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), Execution.class)
                    .map(e -> e.value() != ExecutionMode.CONCURRENT).orElse(true);
            PERMITS.acquire(shared);
            store.put(Permit.class, new Permit(shared));
        }
    }

    /** A class's permit, given back when its context closes. */
    private record Permit(boolean shared) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            PERMITS.release(shared);
        }
    }

    /**
     * Counting permits where one given back by a shared-server class is kept for the next shared-server class for a
     * while; the other classes are served in the order they asked.
     */
    static final class Permits {
        private final long handoffNanos;
        private final Deque<Object> laneQueue = new ArrayDeque<>();
        private int free;
        private long reservedUntil;

        Permits(int permits, long handoffMillis) {
            this.free = permits;
            this.handoffNanos = TimeUnit.MILLISECONDS.toNanos(handoffMillis);
        }

        /** Waits for a permit (uninterruptibly, as the semaphore it replaces). */
        synchronized void acquire(boolean shared) {
            Object ticket = new Object();
            if (!shared) {
                laneQueue.addLast(ticket);
            }
            boolean interrupted = false;
            try {
                while (true) {
                    long reserved = reservedUntil - System.nanoTime();
                    boolean held = reservedUntil != 0 && reserved > 0;
                    int available = shared || !held ? free : free - 1;
                    if (available > 0 && (shared || laneQueue.peekFirst() == ticket)) {
                        free--;
                        if (shared) {
                            reservedUntil = 0;
                        } else {
                            laneQueue.removeFirst();
                        }
                        notifyAll();
                        return;
                    }
                    try {
                        wait(held ? Math.max(1, TimeUnit.NANOSECONDS.toMillis(reserved)) : 0);
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        synchronized void release(boolean shared) {
            free++;
            if (shared) {
                reservedUntil = System.nanoTime() + handoffNanos;
            }
            notifyAll();
        }
    }
}
