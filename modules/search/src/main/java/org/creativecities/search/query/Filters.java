package org.creativecities.search.query;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.creativecities.search.SearchSource;
import org.creativecities.search.index.IndexFields;

/** The non-scoring part of a search: the kind, field and city filters, and what the caller may see. */
public final class Filters {

    private Filters() {
    }

    /**
     * What the caller may see: for each kind, its documents that carry one of the caller's tokens for that kind and
     * none of the excluded ones. A kind without an entry is not visible at all.
     */
    public static Query visibleTo(Map<String, SearchSource.Audience> audiences) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int kinds = 0;
        for (Map.Entry<String, SearchSource.Audience> e : audiences.entrySet()) {
            SearchSource.Audience audience = e.getValue();
            if (audience.tokens().isEmpty()) {
                continue;
            }
            BooleanQuery.Builder kind = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(IndexFields.KIND, e.getKey())), Occur.FILTER)
                    .add(terms(IndexFields.AUDIENCE, audience.tokens()), Occur.FILTER);
            if (!audience.excluded().isEmpty()) {
                kind.add(terms(IndexFields.AUDIENCE, audience.excluded()), Occur.MUST_NOT);
            }
            any.add(kind.build(), Occur.SHOULD);
            kinds++;
        }
        return kinds == 0 ? new MatchNoDocsQuery("nothing is visible") : any.setMinimumNumberShouldMatch(1).build();
    }

    /** The filters asked for, with what is visible: a document must match all of them. */
    public static Query all(Query visible, Optional<String> kind, Optional<String> field, Optional<String> city) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(visible, Occur.FILTER);
        kind.ifPresent(k -> b.add(new TermQuery(new Term(IndexFields.KIND, k)), Occur.FILTER));
        field.ifPresent(f -> b.add(new TermQuery(new Term(IndexFields.FIELD, f)), Occur.FILTER));
        city.ifPresent(c -> b.add(new TermQuery(new Term(IndexFields.CITY, c)), Occur.FILTER));
        return b.build();
    }

    private static Query terms(String field, Set<String> values) {
        return new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
    }
}
