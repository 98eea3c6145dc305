package org.creativecities.search.query;

import java.util.List;

/**
 * One page of hits, as the API answers it.
 *
 * @param items the hits of this page, best first
 * @param total how many hits there are in all: exact up to {@link Searcher#EXACT_TOTAL}, at least that beyond
 * @param page  the 1-based page number
 * @param size  the page size asked for
 */
public record SearchResults(List<SearchHit> items, long total, int page, int size) {
}
