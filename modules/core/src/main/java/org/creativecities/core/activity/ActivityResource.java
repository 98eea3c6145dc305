package org.creativecities.core.activity;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.creativecities.core.activity.ActivityDtos.Activity;
import org.creativecities.core.platform.web.QueryParser;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Recent public activity of the network. */
@Path("activity")
@Tag(name = "Activity", description = "What happened recently in the network, as a visitor may see it")
@Produces(MediaType.APPLICATION_JSON)
public class ActivityResource {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 50;

    @Inject
    private ActivityFeed feed;

    @GET
    @Transactional
    @Operation(summary = "Recent public activity", description = "Newest first: cities that joined the network "
            + "(kind CITY_JOINED), people who became members of a city (MEMBER_JOINED), rooms opened in public "
            + "spaces (ROOM_OPENED) and rooms of public spaces with recent messages (DISCUSSION, at = the latest "
            + "message). The same for every caller: members-only spaces, message text, pending requests and "
            + "retired cities never appear.")
    @APIResponse(responseCode = "200", description = "The events, newest first",
            content = @Content(schema = @Schema(ref = "ActivityList")))
    @APIResponse(responseCode = "400", description = "A bad limit")
    public List<Activity> recent(
            @Parameter(description = "How many events, 1 to 50 (default 20)") @QueryParam("limit") String limit) {
        QueryParser p = new QueryParser();
        int n = p.intOr("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        p.check();
        return feed.recent(n);
    }
}
