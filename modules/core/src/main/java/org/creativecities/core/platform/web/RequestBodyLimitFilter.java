package org.creativecities.core.platform.web;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.OptionalLong;
import org.creativecities.core.platform.AppConfig;

/**
 * Refuses request bodies larger than {@code ccc.limits.request-body-max} with 413, both when the client
 * declares the length up front and when a chunked body grows past it while it is read. A body that grew past the
 * limit is answered 413 whatever the reader made of the failed read (a JSON parser reports it as malformed JSON).
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 50)
public class RequestBodyLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String TOO_LARGE = "ccc.bodyTooLarge";

    @Inject
    private AppConfig config;

    @Inject
    private UploadLimits uploads;

    @Context
    private HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        long max = limitFor(config, uploads.all(), request.getMethod(), request.getUriInfo().getPath());
        int declared = request.getLength();
        if (declared > max) {
            throw tooLarge(max);
        }
        // Not request.hasEntity(): it reads ahead to see whether a body comes, and so waits for the client before the
        // caller is even authenticated.
        request.setEntityStream(new LimitedStream(request.getEntityStream(), max, declared,
                () -> request.setProperty(TOO_LARGE, max)));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object max = request.getProperty(TOO_LARGE);
        if (max != null && response.getStatus() != 413) {
            Response problem = Problems.response(servletRequest, 413, "/problems/payload-too-large",
                    "Payload too large", tooLarge((Long) max).getMessage(), List.of(), null);
            response.setStatus(413);
            response.getHeaders().putSingle("Content-Type", Problem.MEDIA_TYPE);
            response.setEntity(problem.getEntity(), new Annotation[0], MediaType.valueOf(Problem.MEDIA_TYPE));
        }
    }

    /**
     * The largest body accepted for a request. Plugin jars are installed and upgraded through the admin API, and are
     * larger than any JSON body; a context beside the core declares its own uploads ({@link UploadLimit}).
     *
     * @param path the path under {@code /api/}, without a leading slash
     */
    static long limitFor(AppConfig config, Iterable<UploadLimit> uploads, String method, String path) {
        for (UploadLimit upload : uploads) {
            OptionalLong max = upload.maxBody(method, path);
            if (max.isPresent()) {
                return max.getAsLong();
            }
        }
        boolean pluginUpload = "POST".equals(method) && (path.equals("admin/plugins")
                || path.startsWith("admin/plugins/") && path.endsWith("/upgrade"));
        return pluginUpload ? config.pluginUploadMax() : config.requestBodyMax();
    }

    static WebApplicationException tooLarge(long max) {
        return new WebApplicationException("The request body is larger than the limit of " + max + " bytes.",
                Response.Status.REQUEST_ENTITY_TOO_LARGE);
    }

    /**
     * Counts what is read and fails once the limit is passed; a read that fails, or a body that ends before its
     * declared length, is a {@link ClientAbortedException}: the client went away.
     */
    static final class LimitedStream extends FilterInputStream {
        private final long max;
        private final long declared;
        private final Runnable onExceeded;
        private long count;

        /** {@code declared}: the body's {@code Content-Length}, or a negative number when it is chunked or absent. */
        LimitedStream(InputStream in, long max, long declared, Runnable onExceeded) {
            super(in);
            this.max = max;
            this.declared = declared;
            this.onExceeded = onExceeded;
        }

        @Override
        public int read() throws IOException {
            int b;
            try {
                b = super.read();
            } catch (IOException e) {
                throw aborted(e);
            }
            if (b >= 0) {
                add(1);
            } else {
                checkComplete();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n;
            try {
                n = super.read(buffer, offset, length);
            } catch (IOException e) {
                throw aborted(e);
            }
            if (n > 0) {
                add(n);
            } else if (n < 0) {
                checkComplete();
            }
            return n;
        }

        private ClientAbortedException aborted(IOException e) {
            return e instanceof ClientAbortedException a ? a : new ClientAbortedException(
                    "The connection failed after " + count + " bytes of the request body.", e);
        }

        private void checkComplete() throws ClientAbortedException {
            if (declared > 0 && count < declared) {
                throw new ClientAbortedException("The request body ended after " + count + " of " + declared
                        + " bytes.", null);
            }
        }

        private void add(int n) {
            count += n;
            if (count > max) {
                onExceeded.run();
                throw tooLarge(max);
            }
        }
    }
}
