package org.creativecities.works.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.ContextException;
import org.creativecities.core.platform.web.PublicProblems;
import org.creativecities.core.platform.web.SiteAddress;
import org.creativecities.works.app.WorkService;
import org.creativecities.works.app.WorkViews;
import org.creativecities.works.render.WorkDocuments;

/**
 * The public page of a work published to everyone, rendered on the server: {@code /works/{id}.html}, a stable
 * address that search engines and other sites can link to, with schema.org {@code CreativeWork} JSON-LD, OpenGraph
 * tags and the licence link. The browser UI keeps {@code /works/{id}} (the UI shell answers addresses whose last
 * segment has no dot; this one has). Only public works have such a page; any other id is 404, as for a missing one.
 */
@WebServlet(urlPatterns = "/works/*")
public class PublicWorkServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern PAGE = Pattern.compile("/([0-9]{1,18})\\.html");

    @Inject
    private transient WorkService service;

    @Inject
    private transient WorkViews views;

    @Inject
    private transient AnonymousReads anonymousReads;

    @Inject
    private transient Caller caller;

    /** Scheme, host and port of the request, for absolute links. */
    public static String baseUrl(HttpServletRequest request) {
        return SiteAddress.of(request);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher m = PAGE.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!m.matches()) {
            PublicProblems.send(response, 404, "Not found", "No such page.");
            return;
        }
        try {
            anonymousReads.check(caller.clientAddress());
            long id = Long.parseLong(m.group(1));
            var work = service.get(Optional.empty(), id);
            byte[] body = WorkDocuments.html(views.view(Optional.<Caller.Identity>empty(), work), baseUrl(request))
                    .getBytes(StandardCharsets.UTF_8);
            response.setContentType("text/html;charset=UTF-8");
            response.setHeader("Cache-Control", "no-cache");
            response.setHeader("Content-Security-Policy", "default-src 'none'; img-src 'self'; style-src 'self'; "
                    + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        } catch (ContextException e) {
            PublicProblems.send(response, e);
        }
    }
}
