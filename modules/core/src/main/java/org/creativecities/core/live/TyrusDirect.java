package org.creativecities.core.live;

import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps Tyrus's idle timer off the live path: frames are sent past Tyrus's {@code RemoteEndpoint.Async}, straight to
 * the connection's {@code TyrusWebSocket}, and the timer that Tyrus re-arms for every frame received runs on a plain
 * scheduler ({@link #withoutIdleTimerTasks}).
 *
 * <p>Tyrus (Payara 6) re-arms the session's idle-timeout task for every frame sent through the standard API, even
 * with no idle timeout (ours is 0: {@link LiveEngine} pings and times out idle connections itself): it cancels a
 * task and schedules another on Payara's managed scheduler, which captures the thread's context each time. Profiled
 * in the fan-out benchmark that was about 85% of the cost of a send, per frame and per recipient (issue 5,
 * docs/benchmarks.md). {@code TyrusWebSocket.sendText(String, SendHandler)} is what the standard API calls after
 * re-arming the timer; it is public, but the socket is not reachable through the standard API, so it is read once
 * per connection from the remote endpoint's {@code webSocket} field, and the method is looked up once. Where that is
 * not possible (another container or Tyrus version), {@link #webSocket} answers null and the standard API is used.
 */
final class TyrusDirect {

    private static final Logger LOG = Logger.getLogger(TyrusDirect.class.getName());

    /** How to reach the socket of one remote endpoint class; {@code field == null} when it cannot be reached. */
    private record Binding(Class<?> remoteClass, Field field, MethodHandle sendText) {
    }

    private static volatile Binding binding;

    /** The session class's idle-timer scheduler field, once looked up; empty when it has none. */
    private static volatile Map.Entry<Class<?>, Optional<Field>> timerField;

    /**
     * The scheduler given to our sessions for their idle timer (see {@link #withoutIdleTimerTasks}). Tyrus schedules
     * the idle check with the session's max idle timeout as delay; ours is 0 (no timeout), so such a task has
     * nothing to do and is not scheduled at all. Anything else (a heartbeat, a positive timeout) runs on a plain
     * daemon thread, without a context capture.
     */
    private static final ScheduledThreadPoolExecutor IDLE_TIMER = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "ccc-live-idle-timer");
        t.setDaemon(true);
        return t;
    }) {
        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            return delay <= 0 ? NOTHING : super.schedule(command, delay, unit);
        }
    };

    static {
        IDLE_TIMER.setRemoveOnCancelPolicy(true);
    }

    /** The future of a task that was not scheduled because it had nothing to do. */
    private static final ScheduledFuture<?> NOTHING = new ScheduledFuture<Object>() {
        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(java.util.concurrent.Delayed o) {
            return Long.compare(0, o.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return false;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isDone() {
            return true;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    };

    private TyrusDirect() {
    }

    /** The connection's Tyrus socket, or null when frames must go through the standard API. */
    static Object webSocket(Session session) {
        try {
            Object remote = session.getAsyncRemote();
            Binding b = binding;
            if (b == null || b.remoteClass() != remote.getClass()) {
                b = bind(remote.getClass());
                binding = b;
            }
            return b.field() == null ? null : b.field().get(remote);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "Tyrus socket not reachable; sending through the standard API", e);
            return null;
        }
    }

    /**
     * Gives the session's idle timer a plain scheduler (once per connection). Tyrus re-arms that timer for every
     * frame received and every pong, on Payara's managed scheduler, which captures the thread context with a
     * {@code ServiceLoader} scan of the web application's class path each time (the reading thread's context class
     * loader is the application's): a cost per received frame that had nothing to do with our idle handling, which
     * is {@link LiveEngine}'s own (the sessions' max idle timeout is 0). Where the field cannot be reached the session
     * keeps its scheduler.
     */
    static void withoutIdleTimerTasks(Session session) {
        try {
            Map.Entry<Class<?>, Optional<Field>> found = timerField;
            if (found == null || found.getKey() != session.getClass()) {
                found = Map.entry(session.getClass(), timerFieldOf(session.getClass()));
                timerField = found;
            }
            if (found.getValue().isPresent()) {
                found.getValue().get().set(session, IDLE_TIMER);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "Tyrus idle timer not reachable; the session keeps its scheduler", e);
        }
    }

    private static Optional<Field> timerFieldOf(Class<?> sessionClass) {
        for (Class<?> c = sessionClass; c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField("service");
                if (f.getType() == ScheduledExecutorService.class) {
                    f.setAccessible(true);
                    return Optional.of(f);
                }
            } catch (NoSuchFieldException e) {
                // not declared here: look further up
            } catch (RuntimeException e) {
                LOG.log(Level.INFO, "Tyrus idle timer not reachable; sessions keep their scheduler", e);
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The peer's address of a Tyrus session ({@code TyrusSession.getRemoteAddr()}); empty in another container. */
    static Optional<String> remoteAddress(Session session) {
        try {
            Object address = session.getClass().getMethod("getRemoteAddr").invoke(session);
            return Optional.ofNullable(address).map(Object::toString);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "The peer's address is not reachable", e);
            return Optional.empty();
        }
    }

    /** Sends a text frame on a socket from {@link #webSocket}; {@code done} runs when the write completed or failed. */
    static void send(Object webSocket, String frame, SendHandler done) {
        try {
            binding.sendText().invoke(webSocket, frame, done);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static Binding bind(Class<?> remoteClass) {
        for (Class<?> c = remoteClass; c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField("webSocket");
                f.setAccessible(true);
                MethodHandle send = MethodHandles.publicLookup().findVirtual(f.getType(), "sendText",
                        MethodType.methodType(void.class, String.class, SendHandler.class));
                LOG.fine(() -> "Live frames are sent straight to " + f.getType().getName());
                return new Binding(remoteClass, f, send.asType(MethodType.methodType(void.class, Object.class,
                        String.class, SendHandler.class)));
            } catch (NoSuchFieldException e) {
                // not declared here: look further up
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.log(Level.INFO, "Tyrus socket not reachable; sending through the standard API", e);
                return new Binding(remoteClass, null, null);
            }
        }
        return new Binding(remoteClass, null, null);
    }
}
