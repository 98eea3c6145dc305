/**
 * Queries on the index: the one-box text syntax ({@link org.creativecities.search.query.TextQueries}), the filters
 * and who may see what ({@link org.creativecities.search.query.Filters}), and running a query into a page of
 * highlighted hits ({@link org.creativecities.search.query.Searcher}). Plain Lucene, no CDI: tested on an index
 * in memory.
 */
package org.creativecities.search.query;
