package org.creativecities.core.platform.web;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.creativecities.core.platform.AppConfig;

/**
 * Refuses request bodies larger than {@code ccc.limits.request-body-max} with 413, both when the client
 * declares the length up front and when a chunked body grows past it while it is read.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 50)
public class RequestBodyLimitFilter implements ContainerRequestFilter {

    @Inject
    private AppConfig config;

    @Override
    public void filter(ContainerRequestContext request) {
        long max = isPluginUpload(request) ? config.pluginUploadMax() : config.requestBodyMax();
        int declared = request.getLength();
        if (declared > max) {
            throw tooLarge(max);
        }
        if (request.hasEntity()) {
            request.setEntityStream(new LimitedStream(request.getEntityStream(), max));
        }
    }

    /** Plugin jars are installed and upgraded through the admin API, and are larger than any JSON body. */
    static boolean isPluginUpload(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return "POST".equals(request.getMethod()) && (path.equals("admin/plugins")
                || path.startsWith("admin/plugins/") && path.endsWith("/upgrade"));
    }

    static WebApplicationException tooLarge(long max) {
        return new WebApplicationException("The request body is larger than the limit of " + max + " bytes.",
                Response.Status.REQUEST_ENTITY_TOO_LARGE);
    }

    /** Counts what is read and fails once the limit is passed. */
    static final class LimitedStream extends FilterInputStream {
        private final long max;
        private long count;

        LimitedStream(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(int n) {
            count += n;
            if (count > max) {
                throw tooLarge(max);
            }
        }
    }
}
