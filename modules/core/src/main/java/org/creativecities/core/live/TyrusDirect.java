package org.creativecities.core.live;

import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends text frames past Tyrus's {@code RemoteEndpoint.Async}, straight to the connection's {@code TyrusWebSocket}.
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
