package org.creativecities.media.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.identity.SignedIn;
import org.creativecities.media.Media;
import org.creativecities.media.MediaOwner;
import org.creativecities.media.MediaService;
import org.creativecities.media.upload.UploadService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Uploads and serves media. Anyone who has a media's URL may read it (ids are unguessable, and nothing lists other
 * people's media), as in mature forums such as Discourse; uploading, describing and deleting need the owner (a
 * fellow author of a work that shows an image may give it its first description, see AltTextGrant).
 */
@Path("media")
@Tag(name = "Media", description = "Images, audio, video and PDF: uploaded, recognised from their bytes, served with ranges")
public class MediaResource {

    @Inject
    private Caller caller;

    @Inject
    private UploadService uploads;

    @Inject
    private MediaService media;

    @Inject
    private MediaDownloads downloads;

    @POST
    @SignedIn
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Upload a file", description = "The body is the file's bytes, and Content-Type its type: "
            + "image/jpeg, image/png, image/webp, image/gif, audio/mpeg, audio/ogg, audio/wav, video/mp4, video/webm "
            + "or application/pdf. The type is recognised from the bytes and must be the declared one. Images are "
            + "re-encoded (metadata such as EXIF and GPS is dropped; GIF becomes a still PNG, WebP becomes JPEG or "
            + "PNG) and get thumbnails. Each kind has a size limit, and each account a storage quota.")
    @RequestBody(content = @Content(mediaType = "*/*", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "201", description = "Stored; Location is its URL",
            content = @Content(schema = @Schema(implementation = MediaDtos.MediaView.class)))
    @APIResponse(responseCode = "400", description = "No body, or an image that cannot be decoded")
    @APIResponse(responseCode = "413", description = "Larger than the limit of its kind (ccc.media.max-bytes.*)")
    @APIResponse(responseCode = "415", description = "A type that is not accepted, or bytes of another type than "
            + "the declared one")
    @APIResponse(responseCode = "422", description = "The bytes are of the declared type but cannot be decoded")
    @APIResponse(responseCode = "429", description = "Too many uploads from this account lately")
    @APIResponse(responseCode = "507", description = "The account's storage quota would be exceeded")
    public Response upload(@HeaderParam("Content-Type") String contentType,
                           @HeaderParam("Content-Length") String contentLength,
                           @Parameter(description = "The file's name, kept for downloads")
                           @QueryParam("name") String name,
                           InputStream body) throws IOException {
        long declared = contentLength == null ? -1 : Long.parseLong(contentLength.strip());
        Media stored = uploads.upload(MediaOwner.account(caller.require().id()), contentType, name, declared, body);
        return Response.created(URI.create("/api/media/" + stored.id())).entity(MediaDtos.MediaView.of(stored))
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A media's bytes", description = "Public to whoever has the URL. Supports a single Range "
            + "(206, or 416 outside the file), If-None-Match and If-Range; images, audio and video are served inline, "
            + "PDF as an attachment.")
    @APIResponse(responseCode = "200", description = "The file",
            content = @Content(mediaType = "*/*", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "206", description = "The requested range",
            content = @Content(mediaType = "*/*", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "304", description = "Not modified")
    @APIResponse(responseCode = "400", description = "A width that is not a thumbnail width, or w on a non-image")
    @APIResponse(responseCode = "404", description = "No such media")
    @APIResponse(responseCode = "416", description = "The range lies outside the file")
    public Response get(@PathParam("id") String id,
                        @Parameter(description = "A thumbnail width (320, 640 or 1280 by default); an image no wider "
                                + "is served as it is") @QueryParam("w") Integer width,
                        @HeaderParam("Range") String range, @HeaderParam("If-Range") String ifRange,
                        @HeaderParam("If-None-Match") String ifNoneMatch) {
        return downloads.serve(media.get(id), width, range, ifRange, ifNoneMatch);
    }

    @GET
    @Path("{id}/info")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A media's description", description = "Its type, size, alt text and thumbnails.")
    @APIResponse(responseCode = "200", description = "The media",
            content = @Content(schema = @Schema(implementation = MediaDtos.MediaView.class)))
    @APIResponse(responseCode = "404", description = "No such media")
    public MediaDtos.MediaView info(@PathParam("id") String id) {
        return MediaDtos.MediaView.of(media.get(id));
    }

    @PATCH
    @Path("{id}")
    @SignedIn
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Describe a media", description = "Sets its alt text (1 to 1000 characters), which an "
            + "image needs before it can be used in something published. The owner may; so may, while an image has "
            + "no alt text yet, an author of a work (not deleted) that shows it and that its owner also writes.")
    @APIResponse(responseCode = "200", description = "The media",
            content = @Content(schema = @Schema(implementation = MediaDtos.MediaView.class)))
    @APIResponse(responseCode = "400", description = "Blank or too long alt text")
    @APIResponse(responseCode = "403", description = "Neither the owner nor, for a first description, a fellow "
            + "author of a work that shows it")
    @APIResponse(responseCode = "404", description = "No such media")
    public MediaDtos.MediaView describe(@PathParam("id") String id, MediaDtos.MediaUpdate body) {
        return MediaDtos.MediaView.of(media.describe(caller.require(), id, body == null ? null : body.alt()));
    }

    @DELETE
    @Path("{id}")
    @SignedIn
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Delete a media", description = "The owner (or an administrator). The stored file goes "
            + "too, unless another upload has the same bytes.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "Not the owner")
    @APIResponse(responseCode = "404", description = "No such media")
    public Response delete(@PathParam("id") String id) throws IOException {
        media.delete(caller.require(), id);
        return Response.noContent().build();
    }
}
