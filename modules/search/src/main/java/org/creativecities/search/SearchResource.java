package org.creativecities.search;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.regex.Pattern;
import org.creativecities.core.identity.AttemptLimit;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.identity.RateLimits;
import org.creativecities.core.platform.AppConfig;
import org.creativecities.core.platform.web.PageRequest;
import org.creativecities.core.platform.web.ProblemException;
import org.creativecities.core.platform.web.QueryParser;
import org.creativecities.search.index.SearchSettings;
import org.creativecities.search.query.SearchResults;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The one search box over works, messages, people and cities, within what the caller may read. */
@Path("search")
@ApplicationScoped
@Tag(name = "Search", description = "One box over works, messages, people and cities")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    /** Longest text a search may hold, in characters. */
    public static final int MAX_QUERY = 200;

    /** Most hits a page may hold. */
    public static final int MAX_SIZE = 50;

    /** How deep paging goes: hits beyond this rank are not served (refine the search instead). */
    public static final int MAX_RANK = 1_000;

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    @Inject
    private SearchService search;

    @Inject
    private Caller caller;

    @Inject
    private AppConfig config;

    @Inject
    private SearchSettings settings;

    @Inject
    private RateLimits rateLimits;

    private AttemptLimit visitors;

    @PostConstruct
    void limits() {
        visitors = rateLimits.shared("search-visitors", settings.visitorQueriesPerMinute(), Duration.ofMinutes(1));
    }

    @GET
    @Operation(summary = "Search", description = "Ranked hits (BM25; a match in the title weighs more) with "
            + "highlighted snippets, among what the caller may read: public things for visitors; for members also "
            + "the rooms of their spaces. Syntax: words all match, accents and case ignored; \"a phrase\"; word* "
            + "(a prefix of 2 characters or more); -word; a | b; parentheses. Without q, the newest first. Visitors "
            + "are limited per address (ccc.search.visitor-queries-per-minute).")
    @APIResponse(responseCode = "200",
            description = "A page of hits; total is exact up to 1,000 (at least that beyond)", content = @Content(schema = @Schema(implementation = SearchResults.class)))
    @APIResponse(responseCode = "400", description = "An unknown query parameter or a bad value")
    @APIResponse(responseCode = "429", description = "Too many searches from this address without signing in")
    @APIResponse(responseCode = "503", description = "The index is opening (just after start-up)")
    public SearchResults search(
            @Parameter(description = "The search, at most 200 characters") @QueryParam("q") String q,
            @Parameter(description = "Only this kind: work, message, person or city") @QueryParam("kind") String kind,
            @Parameter(description = "Only this creative field (slug)") @QueryParam("field") String field,
            @Parameter(description = "Only this city (slug)") @QueryParam("city") String city,
            @Parameter(description = "1-based page number") @QueryParam("page") String page,
            @Parameter(description = "Hits per page, at most 50") @QueryParam("size") String size) {
        if (!caller.isSignedIn()) {
            visitors.tryAcquire(caller.clientAddress()).ifPresent(wait -> {
                throw ProblemException.tooMany("Too many searches from your address; wait, or sign in.", wait);
            });
        }
        QueryParser p = new QueryParser();
        var text = p.optionalText("q", q, MAX_QUERY);
        var request = new SearchRequest(text, p.optionalOneOf("kind", kind, search.kinds()),
                p.optionalMatching("field", field, SLUG, "must be a field slug"),
                p.optionalMatching("city", city, SLUG, "must be a city slug"),
                p.page(page, size, 20, Math.min(MAX_SIZE, config.pageSizeMax())));
        PageRequest wanted = request.page();
        if ((long) wanted.page() * wanted.size() > MAX_RANK) {
            p.reject("page", "only the first " + MAX_RANK + " hits can be paged through; refine the search");
        }
        p.check();
        return search.search(caller.accountId(), request);
    }
}
