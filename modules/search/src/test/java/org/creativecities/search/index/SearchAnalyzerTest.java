package org.creativecities.search.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class SearchAnalyzerTest {

    private final Analyzer analyzer = new SearchAnalyzer();

    private List<String> terms(String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        }
        return out;
    }

    @Test
    void foldsCaseAndAccents() throws IOException {
        assertEquals(List.of("bistrita", "sao", "paulo", "krakow", "theatre"),
                terms("Bistrița SÃO Paulo Kraków THÉÂTRE"));
    }

    @Test
    void dropsElidedArticlesWithEitherApostrophe() throws IOException {
        assertEquals(List.of("amerique", "ete", "opera", "arte"), terms("l'Amérique d’été dell'opera L'ARTE"));
    }

    @Test
    void keepsWordsThatOnlyLookElided() throws IOException {
        assertEquals(List.of("don't", "rock'n'roll"), terms("Don't rock'n'roll"));
    }

    @Test
    void splitsScriptsWithoutSpaces() throws IOException {
        assertEquals(List.of("深", "圳", "design"), terms("深圳 design"));
    }

    @Test
    void normalisesWholeTermsForPrefixQueries() {
        assertEquals("theat", analyzer.normalize("text", "THÉAT").utf8ToString());
    }
}
