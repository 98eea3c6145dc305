package org.creativecities.search.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.creativecities.search.SearchDocument;

/**
 * The fields of the index and how a {@link SearchDocument} fills them. {@code title} and {@code text} are
 * analysed ({@link SearchAnalyzer}) and stored (for highlighting); {@code kind}, {@code field}, {@code city} and
 * {@code audience} are exact terms for filters; {@code key} ({@code kind:id}) is the unique key that updates and
 * deletions address; {@code gen} says which build wrote the document, so that a rebuild removes what it did not
 * see again.
 */
public final class IndexFields {

    /** Bump when fields or analysis change: an index of another format is rebuilt from scratch. */
    public static final String FORMAT = "2";

    public static final String KEY = "key";
    public static final String KIND = "kind";
    public static final String ID = "id";
    public static final String TITLE = "title";
    public static final String TEXT = "text";
    public static final String URL = "url";
    public static final String FIELD = "field";
    public static final String CITY = "city";
    public static final String AUDIENCE = "audience";
    public static final String UPDATED = "updated";
    public static final String GEN = "gen";

    /** Longest text indexed and stored per document, in characters (a message is at most 16,384). */
    static final int MAX_TEXT = 100_000;

    /**
     * Title and text: analysed, stored, with offsets in the postings, so that the highlighter finds the matches
     * without analysing the text again (a page of long works highlights several times faster).
     */
    private static final FieldType ANALYSED_WITH_OFFSETS = new FieldType(TextField.TYPE_STORED);

    static {
        ANALYSED_WITH_OFFSETS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        ANALYSED_WITH_OFFSETS.freeze();
    }

    private IndexFields() {
    }

    /** The unique key of a document. */
    public static Term key(String kind, String id) {
        return new Term(KEY, kind + ":" + id);
    }

    /** The Lucene document of a search document, written by build {@code gen}. */
    static Document toLucene(SearchDocument d, String gen) {
        Document doc = new Document();
        doc.add(new StringField(KEY, d.kind() + ":" + d.id(), Field.Store.NO));
        doc.add(new StringField(KIND, d.kind(), Field.Store.YES));
        doc.add(new StoredField(ID, d.id()));
        doc.add(new Field(TITLE, nonNull(d.title()), ANALYSED_WITH_OFFSETS));
        String text = nonNull(d.text());
        doc.add(new Field(TEXT, text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text, ANALYSED_WITH_OFFSETS));
        doc.add(new StoredField(URL, nonNull(d.url())));
        if (d.fields() != null) {
            d.fields().forEach(f -> doc.add(new StringField(FIELD, f, Field.Store.YES)));
        }
        if (d.cities() != null) {
            d.cities().forEach(c -> doc.add(new StringField(CITY, c, Field.Store.YES)));
        }
        if (d.audience() != null) {
            d.audience().forEach(a -> doc.add(new StringField(AUDIENCE, a, Field.Store.NO)));
        }
        if (d.updated() != null) {
            long millis = d.updated().toEpochMilli();
            doc.add(new NumericDocValuesField(UPDATED, millis));
            doc.add(new StoredField(UPDATED, millis));
        }
        doc.add(new StringField(GEN, gen, Field.Store.NO));
        return doc;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
