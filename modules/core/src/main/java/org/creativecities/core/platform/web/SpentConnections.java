package org.creativecities.core.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Connections that must carry no further request: one of their requests was refused or failed while it had a body,
 * and the answer said {@code Connection: close}. Grizzly still parses the bytes that follow such a request (for a
 * TRACE with a body: the body itself) as the next request and runs it before it closes the connection, so
 * {@link RequestFramingFilter} refuses every later request of a spent connection before any other code sees it.
 *
 * <p>The connection is Payara's own object, reached by reflection (held weakly, so a closed connection is forgotten);
 * on another container the client's address and port stand in for it.
 */
final class SpentConnections {

    /** Guarded by itself: a weak map changes as it is read (it drops what was collected). */
    private static final Map<Object, Boolean> SPENT = new WeakHashMap<>();
    /**
     * False only while no connection is spent: every request asks, and a lock taken by every request serialises
     * them all (seen in the profile under load), so the common case reads this field and nothing else. Written under
     * the map's lock: set by {@link #spend}, cleared when the map is found empty.
     */
    private static volatile boolean any;

    private SpentConnections() {
    }

    static void spend(HttpServletRequest request) {
        Object key = key(request);
        synchronized (SPENT) {
            SPENT.put(key, Boolean.TRUE);
            any = true;
        }
    }

    /** Whether the request came on a spent connection; costs a field read while no connection is spent. */
    static boolean isSpent(HttpServletRequest request) {
        if (!any) {
            return false;
        }
        Object key = key(request);
        synchronized (SPENT) {
            if (SPENT.isEmpty()) {
                any = false;
                return false;
            }
            return SPENT.containsKey(key);
        }
    }

    private static Object key(HttpServletRequest request) {
        try {
            Object catalinaRequest = invoke(request, "getUnwrappedCoyoteRequest");
            Object grizzlyRequest = invoke(catalinaRequest, "getCoyoteRequest");
            return invoke(grizzlyRequest, "getConnection");
        } catch (ReflectiveOperationException | RuntimeException e) {
            return (request.getRemoteAddr() + ":" + request.getRemotePort()).intern();
        }
    }

    private static Object invoke(Object target, String name) throws ReflectiveOperationException {
        return target.getClass().getMethod(name).invoke(target);
    }
}
