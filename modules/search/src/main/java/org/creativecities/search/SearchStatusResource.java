package org.creativecities.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.creativecities.search.index.SearchIndex;
import org.creativecities.search.index.SearchIndexer;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Where the search index stands: opening, building, ready or failed. */
@Path("search/status")
@ApplicationScoped
@Tag(name = "Search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchStatusResource {

    /**
     * The index's state.
     *
     * @param state     STARTING (not open yet), BUILDING (rebuilding from the database; searches answer from what
     *                  is there), READY, or FAILED
     * @param documents documents searchable now
     * @param pending   changes waiting to be applied
     * @param kinds     the kinds that can be searched
     * @param built     the kinds rebuilt from their source since the server started (at start: those whose index
     *                  was missing, stale or not closed cleanly), with the documents of each
     * @param durable   whether every change received is applied and committed (survives a crash)
     * @param failing   kinds whose last build or update failed (see the server log)
     * @param refreshes near-real-time refreshes since the start (each makes the changes applied so far searchable;
     *                  at most one every {@code ccc.search.refresh-interval} however fast changes come)
     */
    public record SearchStatus(String state, int documents, int pending, List<String> kinds,
                               Map<String, Integer> built, boolean durable, List<String> failing, long refreshes) {
    }

    @Inject
    private SearchIndexer indexer;

    @GET
    @Operation(summary = "Search index status", description = "Whether the index is ready: after a start without "
            + "an index (or with a stale one) it is rebuilt in the background while the server already answers.")
    @APIResponse(responseCode = "200", description = "The status",
            content = @Content(schema = @Schema(implementation = SearchStatus.class)))
    public SearchStatus status() {
        int documents = indexer.index().map(SearchIndex::documents).orElse(0);
        return new SearchStatus(indexer.state().name(), documents, indexer.pending(),
                List.copyOf(indexer.sources().keySet()), new TreeMap<>(indexer.built()), indexer.durable(),
                indexer.failures().keySet().stream().sorted().toList(), indexer.refreshes());
    }
}
