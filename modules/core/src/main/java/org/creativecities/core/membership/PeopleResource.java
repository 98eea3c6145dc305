package org.creativecities.core.membership;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.regex.Pattern;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.identity.SignedIn;
import org.creativecities.core.membership.MembershipDtos.ProfileUpdate;
import org.creativecities.core.membership.MembershipDtos.ProfileView;
import org.creativecities.core.platform.AppConfig;
import org.creativecities.core.platform.web.Page;
import org.creativecities.core.platform.web.PageRequest;
import org.creativecities.core.platform.web.QueryParser;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.creativecities.core.platform.web.CheckedFirst;
import org.creativecities.core.identity.OwnerOrAdmin;

/** Profiles and the expertise directory. */
@Path("people")
@Tag(name = "People", description = "Practitioner profiles and the expertise directory")
@Produces(MediaType.APPLICATION_JSON)
public class PeopleResource {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Z]{2})?");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    @Inject
    private ProfileService profiles;

    @Inject
    private Caller caller;

    @Inject
    private AppConfig config;

    @GET
    @Operation(summary = "Find practitioners", description = "The expertise directory: filter by expertise tag, "
            + "creative field, city (home city or member) and language; every given filter must match. Accents and "
            + "case never matter: q finds a part of the name, bio or a tag ('jose' finds 'José'); tag finds a tag "
            + "that contains its words as whole words ('sound' finds 'Sound Design', 'design' not 'Designer'), or a "
            + "near-synonym's ('audio designer' finds 'Sound Designer').")
    @APIResponse(responseCode = "200", description = "A page of profiles",
            content = @Content(schema = @Schema(ref = "ProfileViewPage")))
    @APIResponse(responseCode = "400", description = "An unknown query parameter or a bad value")
    public Page<ProfileView> directory(@QueryParam("tag") String tag, @QueryParam("field") String field,
                                       @QueryParam("city") String city, @QueryParam("language") String language,
                                       @QueryParam("q") String q, @QueryParam("page") String page,
                                       @QueryParam("size") String size) {
        QueryParser p = new QueryParser();
        var query = new MembershipRepository.DirectoryQuery(
                p.optionalText("tag", tag, 50).map(List::of).orElse(List.of()),
                p.optionalMatching("field", field, SLUG, "must be a field slug"),
                p.optionalMatching("city", city, SLUG, "must be a city slug"),
                p.optionalMatching("language", language, LANGUAGE, "must be a language code such as 'fr'"),
                p.optionalText("q", q, 100));
        PageRequest request = p.page(page, size, 20, config.pageSizeMax());
        p.check();
        return profiles.directory(query, request);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A practitioner's public profile")
    @APIResponse(responseCode = "200", description = "The profile",
            content = @Content(schema = @Schema(ref = "ProfileView")))
    @APIResponse(responseCode = "404", description = "No such account")
    public ProfileView profile(@PathParam("id") long id) {
        return profiles.view(id);
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Change a profile", description = "The owner and administrators only. Absent properties stay "
            + "as they are; an empty list clears; an empty homeCity clears it.")
    @APIResponse(responseCode = "200", description = "The changed profile",
            content = @Content(schema = @Schema(ref = "ProfileView")))
    @APIResponse(responseCode = "403", description = "Not the owner")
    @SignedIn
    @CheckedFirst(OwnerOrAdmin.class)
    public ProfileView update(@PathParam("id") long id, ProfileUpdate body) {
        return profiles.update(caller, id, body);
    }
}
