package org.creativecities.works.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.web.QueryParser;
import org.creativecities.media.MediaCatalog;
import org.creativecities.media.MediaInfo;
import org.creativecities.works.app.WorkDtos.WorkView;
import org.creativecities.works.app.WorkMedia;
import org.creativecities.works.app.WorkService;
import org.creativecities.works.app.WorkViews;
import org.creativecities.works.domain.Work;
import org.creativecities.works.render.WorkDocuments;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Downloads of a work: its Markdown, a standalone HTML page, or a zip with LICENSE, ATTRIBUTION and its media. */
@Path("works/{id}/export")
@RequestScoped
@Tag(name = "Works")
public class WorkExportResource {

    @Inject
    private WorkService service;

    @Inject
    private WorkViews views;

    @Inject
    private Caller caller;

    @Inject
    private WorkMedia media;

    @Inject
    private MediaCatalog catalog;

    @Inject
    private AnonymousReads anonymousReads;

    @Context
    private HttpServletRequest request;

    /** No {@code @Produces}: the format parameter chooses the file's type, whatever the client accepts. */
    @GET
    @Operation(summary = "Download a work", description = "format=md (Markdown), html (a standalone page with its "
            + "licence and attribution) or zip (work.md, work.html, LICENSE, ATTRIBUTION, and under media/ the files of "
            + "the media the work uses — its cover, a collection's media, the images of its Markdown — each named "
            + "<media id>.<extension>; links to them in work.md and work.html point at those files). For whoever "
            + "may read the work.")
    @APIResponse(responseCode = "200", description = "The file, as an attachment",
            content = @Content(mediaType = "*/*", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "Unknown format")
    @APIResponse(responseCode = "404", description = "No such work, or one the caller may not see")
    public Response export(@PathParam("id") long id, @QueryParam("format") String format) {
        anonymousReads.check(caller);
        QueryParser p = new QueryParser();
        String f = p.optionalOneOf("format", format, List.of("md", "html", "zip")).orElse("md");
        p.check();
        Work found = service.get(caller.identity(), id);
        WorkView work = views.view(caller.identity(), found);
        String base = PublicWorkServlet.baseUrl(request);
        String name = WorkDocuments.fileName(work);
        return switch (f) {
            case "html" -> file(WorkDocuments.html(work, base), "text/html;charset=UTF-8", name + ".html");
            case "zip" -> {
                List<MediaInfo> used = media.used(found);
                StreamingOutput zip = out -> WorkDocuments.zip(work, base, used, this::open, out);
                yield file(zip, "application/zip", name + ".zip");
            }
            default -> file(WorkDocuments.markdown(work), "text/markdown;charset=UTF-8", name + ".md");
        };
    }

    private InputStream open(String mediaId) throws IOException {
        return catalog.open(mediaId).orElseThrow(() -> new IOException("media " + mediaId + " is gone"));
    }

    private static Response file(Object body, String type, String name) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("X-Content-Type-Options", "nosniff").build();
    }
}
