package org.creativecities.core.live;

import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives a WebSocket connection a small output buffer on Payara (Catalina over Grizzly), before the handshake commits
 * the response. The connection keeps the response's buffer for its whole life, and every frame is written and
 * flushed on its own: after each flush Grizzly allocates a fresh buffer of the response's size for the next write.
 * At the default 8 KB that was 8 KB of garbage per frame delivered, two thirds of everything the server allocated
 * under the realistic load and a young collection every half second (docs/benchmarks.md, "The live engine, midday
 * 6 December"). With {@value #BYTES} bytes, a short frame costs a small buffer, and a frame longer than the buffer
 * is written from its own bytes, without a copy.
 *
 * <p>The servlet API cannot do it: Catalina's {@code setBufferSize} only ever makes the buffer larger. So the
 * container's own response is reached by reflection ({@code ResponseFacade.response}, then Grizzly's public
 * {@code getCoyoteResponse().getOutputBuffer().setBufferSize(int)}); where that fails (another container or version)
 * the connection keeps its buffer, works as before, and the log says so once. {@code /health} counts the connections
 * given the small buffer ({@code smallOutputBuffers}).
 */
final class UpgradeOutputBuffer {

    private static final Logger LOG = Logger.getLogger(UpgradeOutputBuffer.class.getName());

    /** The buffer's size: the smallest Grizzly takes. */
    static final int BYTES = 512;

    private static final LongAdder SMALL = new LongAdder();
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private UpgradeOutputBuffer() {
    }

    /** How many WebSocket connections so far were given the small buffer. */
    static long small() {
        return SMALL.sum();
    }

    /** Makes the response's output buffer small, if this container lets it; never throws. */
    static void shrink(ServletResponse response) {
        ServletResponse r = response;
        while (r instanceof ServletResponseWrapper wrapper) {
            r = wrapper.getResponse();
        }
        try {
            Object catalina = field(r.getClass(), "response").get(r);
            Object grizzly = catalina.getClass().getMethod("getCoyoteResponse").invoke(catalina);
            Object buffer = grizzly.getClass().getMethod("getOutputBuffer").invoke(grizzly);
            buffer.getClass().getMethod("setBufferSize", int.class).invoke(buffer, BYTES);
            Method size = buffer.getClass().getMethod("getBufferSize");
            if (((Integer) size.invoke(buffer)) == BYTES) {
                SMALL.increment();
            } else {
                warnOnce("the buffer kept its size");
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            warnOnce(e.toString());
        }
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f;
            } catch (NoSuchFieldException e) {
                // not declared here: look in the superclass
            }
        }
        throw new NoSuchFieldException(type.getName() + "." + name);
    }

    private static void warnOnce(String why) {
        if (WARNED.compareAndSet(false, true)) {
            LOG.log(Level.INFO, () -> "WebSocket connections keep the container's output buffer, which costs a "
                    + "buffer allocation per frame sent (" + why + ")");
        }
    }
}
