/**
 * The index itself: how text is analysed ({@link org.creativecities.search.index.SearchAnalyzer}), the fields
 * ({@link org.creativecities.search.index.IndexFields}), the Lucene files and their commits
 * ({@link org.creativecities.search.index.SearchIndex}, {@link org.creativecities.search.index.IndexBookkeeping}),
 * and the one background thread that builds and updates them
 * ({@link org.creativecities.search.index.SearchIndexer}); on a database several nodes share, the change log that
 * every node writes and follows ({@link org.creativecities.search.index.ChangeLog},
 * {@link org.creativecities.search.index.ChangeFollower}).
 */
package org.creativecities.search.index;
