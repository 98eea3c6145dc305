package org.creativecities.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.creativecities.search.index.SearchAnalyzer;
import org.creativecities.search.index.SearchIndex;
import org.creativecities.search.index.SearchIndexer;
import org.creativecities.search.query.Filters;
import org.creativecities.search.query.SearchResults;
import org.creativecities.search.query.Searcher;
import org.creativecities.search.query.TextQueries;

/**
 * Searches what the caller may read: asks every source which audience tokens the caller holds for its kind, and
 * runs the query on the latest view of the index within them.
 */
@ApplicationScoped
public class SearchService {

    private final Analyzer analyzer = new SearchAnalyzer();
    private final TextQueries textQueries = new TextQueries(analyzer);
    private final Searcher searcher = new Searcher(analyzer);

    @Inject
    private SearchIndexer indexer;

    /** The kinds that can be searched now. */
    public Set<String> kinds() {
        return indexer.sources().keySet();
    }

    /**
     * One page of what the caller may find.
     *
     * @param accountId the caller, or empty for a visitor
     * @throws SearchUnavailableException while the index is not open
     */
    public SearchResults search(Optional<Long> accountId, SearchRequest request) {
        SearchIndex index = indexer.index().filter(i -> indexer.state() != SearchIndexer.State.FAILED)
                .orElseThrow(() -> new SearchUnavailableException(indexer.state() == SearchIndexer.State.FAILED
                        ? "The search index failed; see the server log." : "The search index is opening; try again "
                        + "in a few seconds."));
        Map<String, SearchSource.Audience> audiences = new LinkedHashMap<>();
        indexer.sources().forEach((kind, source) -> {
            if (request.kind().isEmpty() || request.kind().get().equals(kind)) {
                audiences.put(kind, source.audienceOf(accountId));
            }
        });
        Query filter = Filters.all(Filters.visibleTo(audiences), request.kind(), request.field(), request.city());
        Query text = request.text().map(textQueries::parse).orElse(null);
        return index.search(s -> searcher.search(s, text, filter, request.page().page(), request.page().size()));
    }
}
