package org.creativecities.core.platform.web;

import java.util.OptionalLong;

/**
 * Extension point for a context packed beside the core that accepts request bodies larger than
 * {@code ccc.limits.request-body-max} (media uploads, say): it names the requests it serves and their largest body.
 * {@link RequestFramingFilter} refuses a larger declared {@code Content-Length} with 413 before a byte is read, and
 * {@link RequestBodyLimitFilter} counts a chunked body against it while it is read; the context still applies its own,
 * finer limits as it reads. Implement it as an application-scoped CDI bean; it must answer from the method and path
 * alone, cheaply, since it runs for every request with a body.
 */
public interface UploadLimit {

    /**
     * The largest body accepted for this request, or empty if this context does not serve it.
     *
     * @param method the HTTP method
     * @param path   the path under {@code /api/}, without a leading slash (e.g. {@code media})
     */
    OptionalLong maxBody(String method, String path);
}
