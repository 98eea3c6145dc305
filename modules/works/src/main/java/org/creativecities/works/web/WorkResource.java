package org.creativecities.works.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.creativecities.core.identity.AdminOnly;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.identity.SignedIn;
import org.creativecities.core.platform.AppConfig;
import org.creativecities.core.platform.web.Page;
import org.creativecities.core.platform.web.PageRequest;
import org.creativecities.core.platform.web.QueryParser;
import org.creativecities.works.WorksException;
import org.creativecities.works.app.CoAuthors;
import org.creativecities.works.app.Diffs;
import org.creativecities.works.app.Forks;
import org.creativecities.works.app.Publishing;
import org.creativecities.works.app.WorkDeletion;
import org.creativecities.works.app.WorkDtos.DiffView;
import org.creativecities.works.app.WorkDtos.ForkRequest;
import org.creativecities.works.app.WorkDtos.NewAuthor;
import org.creativecities.works.app.WorkDtos.NewWork;
import org.creativecities.works.app.WorkDtos.PublishRequest;
import org.creativecities.works.app.WorkDtos.WorkSummary;
import org.creativecities.works.app.WorkDtos.WorkUpdate;
import org.creativecities.works.app.WorkDtos.WorkView;
import org.creativecities.works.app.WorkService;
import org.creativecities.works.app.WorkViews;
import org.creativecities.works.domain.Work;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Works: create, read, change, diff, authors, publication by consent, forks, deletion (their history:
 * {@link WorkVersionsResource}).
 */
@Path("works")
@RequestScoped
@Tag(name = "Works", description = "Co-created works: versions, licences, publication by consent, remix lineage")
@Produces(MediaType.APPLICATION_JSON)
public class WorkResource {

    @Inject
    private WorkService service;

    @Inject
    private CoAuthors coAuthors;

    @Inject
    private WorkDeletion deletion;

    @Inject
    private Publishing publishing;

    @Inject
    private Forks forks;

    @Inject
    private WorkViews views;

    @Inject
    private Caller caller;

    @Inject
    private AppConfig config;

    @Inject
    private AnonymousReads anonymousReads;

    @GET
    @Operation(summary = "List the works the caller may see",
            description = "Published to everyone, published to a space the caller reads, and the caller's own. "
                    + "Filters: city slug (authors' cities and cities it is about), field slug, author account id, "
                    + "status (draft or published), space id (the works placed in that space, e.g. a project's "
                    + "own; its members also see its works open to the space that are still drafts). Newest change "
                    + "first; paged.")
    @APIResponse(responseCode = "200", description = "A page of works",
            content = @Content(schema = @Schema(ref = "WorkSummaryPage")))
    @APIResponse(responseCode = "404", description = "No such city, field, or space the caller reads")
    public Page<WorkSummary> list(@QueryParam("city") String city, @QueryParam("field") String field,
                                  @QueryParam("author") String author, @QueryParam("status") String status,
                                  @QueryParam("space") String space,
                                  @QueryParam("page") String page, @QueryParam("size") String size) {
        anonymousReads.check(caller);
        QueryParser p = new QueryParser();
        Optional<String> citySlug = p.optionalText("city", city, 160);
        Optional<String> fieldSlug = p.optionalText("field", field, 64);
        Optional<Long> authorId = p.optionalInt("author", author, 1, Integer.MAX_VALUE).map(Integer::longValue);
        Optional<Long> spaceId = p.optionalInt("space", space, 1, Integer.MAX_VALUE).map(Integer::longValue);
        Optional<Work.Status> st = p.optionalOneOf("status", status, List.of("draft", "published"))
                .map(s -> Work.Status.valueOf(s.toUpperCase(java.util.Locale.ROOT)));
        PageRequest request = p.page(page, size, 20, config.pageSizeMax());
        p.check();
        return service.list(caller.identity(), citySlug, fieldSlug, authorId, st, spaceId, request)
                .map(views::summary);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Create a work", description = "kind 'text' (content: a Markdown string) or 'collection' "
            + "(content: {items: [{work: <work id>} | {media: \"<media id>\"}]}); the caller is its creator. It "
            + "starts as a draft with version 1; licence CC-BY-SA-4.0 unless chosen. cover and media items are media "
            + "ids from POST /api/media, of media the caller uploaded.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(ref = "WorkView")))
    @APIResponse(responseCode = "400", description = "Invalid input, e.g. 'content.items[2].media: no such media'")
    @APIResponse(responseCode = "403", description = "A cover or media item the caller did not upload")
    @SignedIn
    public Response create(NewWork body) {
        Work work = service.create(caller.require(), body);
        return Response.created(URI.create("/api/works/" + work.id())).entity(views.view(caller.identity(), work))
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A work", description = "With its latest content, authors and their cities, licence, "
            + "generated attribution, pending publication consents and lineage both ways.")
    @APIResponse(responseCode = "200", description = "The work",
            content = @Content(schema = @Schema(ref = "WorkView")))
    @APIResponse(responseCode = "404", description = "No such work, or one the caller may not see")
    public WorkView get(@PathParam("id") long id) {
        anonymousReads.check(caller);
        return views.view(caller.identity(), service.getAny(caller.identity(), id));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Change a work", description = "Authors only. New content or a new title makes a new, "
            + "immutable version (with the optional message) and resets pending publication consents. A new cover "
            + "or media item must be a media the caller uploaded; media the work already uses stay. An empty cover "
            + "removes it. A published work must keep alt text on every image it uses.")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(schema = @Schema(ref = "WorkView")))
    @APIResponse(responseCode = "400", description = "Invalid input, e.g. 'content.items[2].media: no such media'")
    @APIResponse(responseCode = "403", description = "Not an author, or a new media the caller did not upload")
    @APIResponse(responseCode = "409", description = "A published work's licence changed, or images without alt "
            + "text in a published work")
    @APIResponse(responseCode = "404", description = "No such work, or one the caller may not see")
    @SignedIn
    public WorkView update(@PathParam("id") long id, WorkUpdate body) {
        return views.view(caller.identity(), service.update(caller.require(), id, body));
    }

    @DELETE
    @Path("{id}")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Delete a work", description = "Its creator or an administrator. A soft delete: an "
            + "administrator can undo it for 30 days.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "Not the creator")
    @APIResponse(responseCode = "404", description = "No such work, or one the caller may not see")
    @SignedIn
    public Response delete(@PathParam("id") long id) {
        deletion.delete(caller.require(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/restore-deleted")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Undo a deletion", description = "Administrators, within 30 days of the deletion.")
    @APIResponse(responseCode = "200", description = "Restored",
            content = @Content(schema = @Schema(ref = "WorkView")))
    @APIResponse(responseCode = "403", description = "Not an administrator")
    @APIResponse(responseCode = "409", description = "Not deleted, or deleted more than 30 days ago")
    @AdminOnly
    public WorkView undelete(@PathParam("id") long id) {
        return views.view(caller.identity(), deletion.undelete(caller.requireAdmin(), id));
    }

    @GET
    @Path("{id}/diff")
    @Operation(summary = "Compare two versions", description = "A line diff, with a word diff inside each changed "
            + "block (java-diff-utils).")
    @APIResponse(responseCode = "200", description = "The changes from 'from' to 'to'",
            content = @Content(schema = @Schema(ref = "DiffView")))
    @APIResponse(responseCode = "400", description = "Missing or bad version numbers")
    @APIResponse(responseCode = "404", description = "No such work or version")
    public DiffView diff(@PathParam("id") long id, @QueryParam("from") String from, @QueryParam("to") String to) {
        anonymousReads.check(caller);
        int a = number("from", from);
        int b = number("to", to);
        return Diffs.diff(service.version(caller.identity(), id, a), service.version(caller.identity(), id, b));
    }

    @POST
    @Path("{id}/authors")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Add a co-author", description = "The creator adds an account; when the work is open, "
            + "a member of its space joins by themself (no accountId, or their own).")
    @APIResponse(responseCode = "200", description = "The work with its new author",
            content = @Content(schema = @Schema(ref = "WorkView")))
    @APIResponse(responseCode = "403", description = "Neither the creator nor a member of an open work's space")
    @APIResponse(responseCode = "404", description = "No such work, or one the caller may not see")
    @APIResponse(responseCode = "409", description = "Already an author")
    @SignedIn
    public WorkView addAuthor(@PathParam("id") long id, NewAuthor body) {
        return views.view(caller.identity(), coAuthors.addAuthor(caller.require(), id,
                body == null ? null : body.accountId()));
    }

    @POST
    @Path("{id}/publish")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Agree to publish", description = "Each author's one-click consent. The first call "
            + "proposes the terms (audience 'everyone' or 'space' with spaceId; licence) and agrees; others agree "
            + "with an empty body. Published when every author agreed; a new version or other terms start over. "
            + "Every image the work uses (cover, collection items, images in the Markdown) needs alt text first: "
            + "otherwise 409 with one error per use (field cover, content.items[i].media or content).")
    @APIResponse(responseCode = "200", description = "The work, published or with its pending consents",
            content = @Content(schema = @Schema(ref = "WorkView")))
    @APIResponse(responseCode = "400", description = "Invalid terms (e.g. 'all rights reserved')")
    @APIResponse(responseCode = "403", description = "Not an author")
    @APIResponse(responseCode = "409", description = "Already published, or images without alt text")
    @SignedIn
    public WorkView publish(@PathParam("id") long id, PublishRequest body) {
        return views.view(caller.identity(), publishing.consent(caller.require(), id, body));
    }

    @POST
    @Path("{id}/fork")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Fork a published work", description = "A new draft by the caller from the work's latest "
            + "version, recording derivedFrom. Its licence must be compatible: BY-SA source, BY-SA fork; NC source, "
            + "NC fork; BY source, any but CC0; CC0 source, any.")
    @APIResponse(responseCode = "201", description = "The fork",
            content = @Content(schema = @Schema(ref = "WorkView")))
    @APIResponse(responseCode = "400", description = "An incompatible licence, with the reason")
    @APIResponse(responseCode = "404", description = "No such work, or one the caller may not see")
    @APIResponse(responseCode = "409", description = "Not published")
    @SignedIn
    public Response fork(@PathParam("id") long id, ForkRequest body) {
        Work fork = forks.fork(caller.require(), id, body);
        return Response.created(URI.create("/api/works/" + fork.id())).entity(views.view(caller.identity(), fork))
                .build();
    }

    /** A version number from the path or query: a positive integer. */
    static int number(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            throw WorksException.invalid(name, "A version number is required.");
        }
        try {
            int n = Integer.parseInt(raw.trim());
            if (n < 1) {
                throw WorksException.invalid(name, "Version numbers start at 1.");
            }
            return n;
        } catch (NumberFormatException e) {
            throw WorksException.invalid(name, "'" + (raw.length() > 20 ? raw.substring(0, 20) : raw)
                    + "' is not a version number.");
        }
    }
}
