package org.creativecities.core.platform.web;

import jakarta.ws.rs.core.MultivaluedMap;

/**
 * A check of the caller's right to an operation that needs only the request's target (its path parameters: the
 * city, the space, the room), named by {@link CheckedFirst} on the resource method. It runs before the body is read
 * or validated, so that a caller without the right gets 403 (or 404 where the target is hidden from them) whatever
 * the body. Implementations are CDI beans of the context that owns the right; the service still checks again.
 */
public interface AccessCheck {

    /**
     * Returns normally when the caller may call the operation on this target.
     *
     * @param pathParameters the request's path parameters, decoded
     * @throws ProblemException 401, 403 or 404 otherwise
     */
    void check(MultivaluedMap<String, String> pathParameters);
}
