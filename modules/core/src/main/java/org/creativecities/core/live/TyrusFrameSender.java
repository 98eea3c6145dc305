package org.creativecities.core.live;

import jakarta.websocket.Session;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.tyrus.core.TyrusRemoteEndpoint;
import org.glassfish.tyrus.core.TyrusSession;
import org.glassfish.tyrus.core.TyrusWebSocket;

/**
 * The {@link FrameSender} of Payara's Tyrus (2.1.5.payara-p2): frames go out as the bytes {@link OutFrame} encoded
 * once, through {@code TyrusWebSocket.sendRawFrame}, and several frames waiting for one connection go out as one
 * write. The standard API would encode each recipient's frame again, build a frame object per recipient, and re-arm
 * the session's idle timer on Payara's managed scheduler per frame (a class-path scan each time: docs/benchmarks.md).
 *
 * <p>The connection's socket is not reachable through the standard API: it is read once per connection from the
 * remote endpoint's {@code webSocket} field. Where that fails (another Tyrus version), the connection gets the
 * {@link StandardFrameSender}'s channel and a warning is logged once; {@code /health} counts connections by path.
 *
 * <p>It also gives each session's idle timer a scheduler of its own ({@link #idleTimer}), owned by this sender and
 * shut down with it.
 */
final class TyrusFrameSender implements FrameSender {

    private static final Logger LOG = Logger.getLogger(TyrusFrameSender.class.getName());

    private final StandardFrameSender fallback = new StandardFrameSender();
    /** {@code TyrusRemoteEndpoint.webSocket}, or null when it cannot be reached ({@link #unreachable} says why). */
    private final Field webSocket;
    private final String unreachable;
    /** {@code TyrusSession.service}, the session's idle-timer scheduler, or null when it cannot be reached. */
    private final Field timerService;
    private final AtomicBoolean warned = new AtomicBoolean();

    /**
     * The scheduler given to our sessions for their idle timer. Tyrus re-arms that timer for every frame received,
     * on Payara's managed scheduler, which captures the thread context with a {@code ServiceLoader} scan of the web
     * application's class path each time. Our sessions' idle timeout is 0 (none: {@link LiveEngine} pings and
     * times out idle connections itself), so such a task has nothing to do and is not scheduled at all; anything
     * else runs on a plain daemon thread, without a context capture.
     */
    private final ScheduledThreadPoolExecutor idleTimer = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "ccc-live-idle-timer");
        t.setDaemon(true);
        return t;
    }) {
        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            return delay <= 0 ? NotScheduled.INSTANCE : super.schedule(command, delay, unit);
        }
    };

    TyrusFrameSender() {
        idleTimer.setRemoveOnCancelPolicy(true);
        Field socket = null;
        String why = null;
        try {
            socket = TyrusRemoteEndpoint.class.getDeclaredField("webSocket");
            socket.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            why = e.toString();
        }
        this.webSocket = socket;
        this.unreachable = why;
        this.timerService = timerField();
    }

    private static Field timerField() {
        try {
            Field f = TyrusSession.class.getDeclaredField("service");
            if (f.getType() != ScheduledExecutorService.class) {
                return null;
            }
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.INFO, "Tyrus's idle timer is not reachable; sessions keep their scheduler", e);
            return null;
        }
    }

    @Override
    public Channel open(Session session) {
        if (session instanceof TyrusSession tyrus) {
            quietIdleTimer(tyrus);
            Optional<TyrusWebSocket> socket = socketOf(tyrus);
            if (socket.isPresent()) {
                return new RawChannel(socket.get());
            }
        } else {
            warnOnce("the session is a " + session.getClass().getName() + ", not Tyrus's");
        }
        return fallback.open(session);
    }

    private Optional<TyrusWebSocket> socketOf(TyrusSession session) {
        if (webSocket == null) {
            warnOnce(unreachable);
            return Optional.empty();
        }
        try {
            return Optional.ofNullable((TyrusWebSocket) webSocket.get(session.getAsyncRemote()));
        } catch (ReflectiveOperationException | RuntimeException e) {
            warnOnce(e.toString());
            return Optional.empty();
        }
    }

    private void warnOnce(String why) {
        if (warned.compareAndSet(false, true)) {
            LOG.warning(() -> "Live frames go through the standard WebSocket API, which is slower: Tyrus's socket "
                    + "is not reachable (" + why + ")");
        }
    }

    private void quietIdleTimer(TyrusSession session) {
        if (timerService == null) {
            return;
        }
        try {
            timerService.set(session, idleTimer);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "Tyrus's idle timer is not reachable; the session keeps its scheduler", e);
        }
    }

    @Override
    public Optional<String> remoteAddress(Session session) {
        return session instanceof TyrusSession tyrus ? Optional.ofNullable(tyrus.getRemoteAddr()) : Optional.empty();
    }

    @Override
    public void shutdown() {
        idleTimer.shutdownNow();
    }

    /** Writes pre-encoded frames straight to the connection's Tyrus socket. */
    private static final class RawChannel implements Channel {

        private final TyrusWebSocket socket;

        RawChannel(TyrusWebSocket socket) {
            this.socket = socket;
        }

        @Override
        public Path path() {
            return Path.RAW;
        }

        @Override
        public void write(List<OutFrame> frames, java.util.function.Consumer<Throwable> done) {
            Future<?> written = socket.sendRawFrame(frames.size() == 1 ? frames.get(0).wire() : joined(frames));
            if (written instanceof CompletionStage<?> stage) {
                stage.whenComplete((frame, failure) -> done.accept(failure));
            } else {
                done.accept(null);
            }
        }

        /** The frames' bytes back to back: one write, one flush, for a connection that has several waiting. */
        private static ByteBuffer joined(List<OutFrame> frames) {
            int length = 0;
            for (OutFrame f : frames) {
                length += f.wireLength();
            }
            ByteBuffer all = ByteBuffer.allocate(length);
            for (OutFrame f : frames) {
                f.copyTo(all);
            }
            return all.flip();
        }
    }

    /** The future of an idle-timer task that was not scheduled because it had nothing to do. */
    private static final class NotScheduled implements ScheduledFuture<Object> {
        static final NotScheduled INSTANCE = new NotScheduled();

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
    }
}
