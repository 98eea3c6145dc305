package org.creativecities.search.index;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * How text becomes terms, the same for what is indexed and what is searched: words by Unicode's rules (UAX #29,
 * any script), elided articles dropped ({@code l'Amérique} is {@code amérique}, in French, Italian and Catalan),
 * then lower case and accents folded to ASCII ({@code Bistrița}, {@code BISTRITA} and {@code bistrita} are one
 * term). No stemming: the texts are in many languages, and one language's stemmer would mangle the others.
 */
public final class SearchAnalyzer extends Analyzer {

    /** Articles and pronouns elided before an apostrophe (straight or typographic), case-insensitive. */
    static final CharArraySet ELIDED = new CharArraySet(List.of(
            "l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu", // French
            "dell", "dall", "nell", "sull", "all", "un", "gl", "quell", "quest", // Italian
            "del", "pel"), true); // Catalan (with l and d above)

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream result = new ElisionFilter(source, ELIDED);
        result = new LowerCaseFilter(result);
        result = new ASCIIFoldingFilter(result);
        return new TokenStreamComponents(source, result);
    }

    /** What prefix and other whole-term queries compare: lower case, accents folded. */
    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
}
