package org.creativecities.search.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.creativecities.search.index.IndexFields;

/**
 * Runs a search on one view of the index: the text query ranked by BM25 (or, without text, the newest first),
 * within the filters, one page of it, each hit with highlighted snippets of its text. Totals are exact up to
 * {@value #EXACT_TOTAL}, and at least that beyond: past it, Lucene skips blocks that cannot reach the page.
 */
public final class Searcher {

    /** Hits counted exactly; beyond, the total is a lower bound (counting every hit of a common word costs). */
    public static final int EXACT_TOTAL = 1_000;

    /** Characters of a snippet when nothing in the text matched (the title did). */
    static final int PLAIN_SNIPPET = 240;

    private static final Sort NEWEST = new Sort(new SortField(IndexFields.UPDATED, SortField.Type.LONG, true));

    private final Analyzer analyzer;

    public Searcher(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * One page of hits.
     *
     * @param searcher the view of the index
     * @param text     the parsed text query, or null to list by date
     * @param filter   what hits must also match ({@link Filters#all})
     * @param page     1-based page number
     * @param size     hits per page
     */
    public SearchResults search(IndexSearcher searcher, Query text, Query filter, int page, int size) {
        Query query = new BooleanQuery.Builder().add(text == null ? new MatchAllDocsQuery() : text, Occur.MUST)
                .add(filter, Occur.FILTER).build();
        int wanted = page * size;
        try {
            TopDocs top = text == null
                    ? searcher.search(query, new TopFieldCollectorManager(NEWEST, wanted, EXACT_TOTAL))
                    : searcher.search(query, new TopScoreDocCollectorManager(wanted, null, EXACT_TOTAL));
            ScoreDoc[] pageDocs = Arrays.copyOfRange(top.scoreDocs, Math.min(top.scoreDocs.length, wanted - size),
                    top.scoreDocs.length);
            String[] snippets = snippets(searcher, text, pageDocs);
            StoredFields stored = searcher.storedFields();
            List<SearchHit> hits = new ArrayList<>(pageDocs.length);
            for (int i = 0; i < pageDocs.length; i++) {
                Document d = stored.document(pageDocs[i].doc);
                String snippet = snippets[i] != null ? snippets[i] : plainSnippet(d.get(IndexFields.TEXT));
                hits.add(new SearchHit(d.get(IndexFields.KIND), d.get(IndexFields.ID), d.get(IndexFields.TITLE),
                        snippet, d.get(IndexFields.URL), values(d, IndexFields.FIELD), values(d, IndexFields.CITY),
                        updated(d), Float.isNaN(pageDocs[i].score) ? 0f : pageDocs[i].score));
            }
            return new SearchResults(hits, top.totalHits.value, page, size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String[] snippets(IndexSearcher searcher, Query text, ScoreDoc[] docs) throws IOException {
        if (text == null || docs.length == 0) {
            return new String[docs.length];
        }
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxNoHighlightPassages(0)
                .build();
        int[] ids = Arrays.stream(docs).mapToInt(d -> d.doc).toArray();
        Map<String, String[]> found = highlighter.highlightFields(new String[]{IndexFields.TEXT}, text, ids,
                new int[]{2});
        return found.get(IndexFields.TEXT);
    }

    /** The start of a text, escaped as the highlighter escapes, cut at a word. */
    static String plainSnippet(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String cut = text;
        if (text.length() > PLAIN_SNIPPET) {
            int space = text.lastIndexOf(' ', PLAIN_SNIPPET);
            cut = text.substring(0, space > PLAIN_SNIPPET / 2 ? space : PLAIN_SNIPPET) + " …";
        }
        return escape(cut);
    }

    /** HTML-escapes text as {@link DefaultPassageFormatter} does. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#x27;");
                case '/' -> out.append("&#x2F;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static List<String> values(Document d, String field) {
        return Arrays.stream(d.getFields(field)).map(IndexableField::stringValue).sorted().toList();
    }

    private static Instant updated(Document d) {
        IndexableField f = d.getField(IndexFields.UPDATED);
        return f == null || f.numericValue() == null ? null : Instant.ofEpochMilli(f.numericValue().longValue());
    }
}
