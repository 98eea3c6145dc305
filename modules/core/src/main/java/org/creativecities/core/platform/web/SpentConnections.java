package org.creativecities.core.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
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

    private static final Map<Object, Boolean> SPENT = Collections.synchronizedMap(new WeakHashMap<>());

    private SpentConnections() {
    }

    static void spend(HttpServletRequest request) {
        SPENT.put(key(request), Boolean.TRUE);
    }

    /** Whether the request came on a spent connection; costs nothing while no connection is spent. */
    static boolean isSpent(HttpServletRequest request) {
        return !SPENT.isEmpty() && SPENT.containsKey(key(request));
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
