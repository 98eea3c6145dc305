package org.creativecities.core.platform;

import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The thread that is deploying the application, seen from inside the deployment: it tells when that thread has left
 * the container's code that called the application's start, by the object monitors it held at that moment.
 *
 * <p>Why it exists: Payara's web container ends a web module's (synchronized) start by closing the class loader's
 * jar files, and a class loaded from another thread at that instant fails ("zip file closed"). A failure inside a
 * class's static initialiser leaves that class broken for the application's life, so a background thread started by
 * the application during its start must not load classes until the deployment has ended. The container gives the
 * application no portable event after that point; the deploying thread leaving the monitors it held while it called
 * the application is that point, whatever the container.
 */
final class DeployingThread {

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final ThreadMXBean threads;
    private final long id;
    private final Set<Monitor> held;

    private DeployingThread(ThreadMXBean threads, long id, Set<Monitor> held) {
        this.threads = threads;
        this.id = id;
        this.held = held;
    }

    /** The calling thread, with the monitors it holds now. */
    static DeployingThread current() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        return new DeployingThread(threads, id, monitors(threads, id));
    }

    /** How many monitors the thread held when it was seen. */
    int monitorsHeld() {
        return held.size();
    }

    /** Whether the thread has ended or holds none of the monitors it held when it was seen. */
    boolean hasLeft() {
        if (held.isEmpty()) {
            return true;
        }
        Set<Monitor> now = monitors(threads, id);
        return now.stream().noneMatch(held::contains);
    }

    /**
     * Waits until {@link #hasLeft()}, at most {@code max}.
     *
     * @return whether it has left; false if the wait ended first
     * @throws InterruptedException if the waiting thread is interrupted
     */
    boolean awaitLeft(Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (!hasLeft()) {
            if (System.nanoTime() - end >= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.sleep(POLL_NANOS);
        }
        return true;
    }

    private static Set<Monitor> monitors(ThreadMXBean threads, long id) {
        ThreadInfo[] info = threads.getThreadInfo(new long[] {id}, threads.isObjectMonitorUsageSupported(), false);
        if (info.length == 0 || info[0] == null) {
            return Set.of();
        }
        return Arrays.stream(info[0].getLockedMonitors()).map(Monitor::of).collect(Collectors.toUnmodifiableSet());
    }

    /** An object monitor, by its object's class and identity hash. */
    private record Monitor(String className, int identity) {
        static Monitor of(MonitorInfo info) {
            return new Monitor(info.getClassName(), info.getIdentityHashCode());
        }
    }

    @Override
    public String toString() {
        return "thread " + id + " holding " + held.stream().map(Monitor::className).sorted().toList();
    }
}
