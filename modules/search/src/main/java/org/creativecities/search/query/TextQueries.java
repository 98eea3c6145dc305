package org.creativecities.search.query;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.creativecities.search.index.IndexFields;

/**
 * The one-box syntax: Lucene's simple query syntax, which never fails to parse. Words must all match (in the title
 * or the text; a match in the title weighs {@value #TITLE_BOOST} times more); {@code "a phrase"}; {@code word*} for
 * a prefix of at least {@value #MIN_PREFIX} characters; {@code -word} to exclude; {@code a | b} for either;
 * parentheses to group; a backslash escapes. Fuzzy and proximity operators are off (costly, and rarely meant), and
 * a wildcard can only end a word, so no query has to walk the whole term dictionary.
 */
public final class TextQueries {

    /** How much more a match in the title weighs than one in the text. */
    public static final float TITLE_BOOST = 3f;

    /** Shortest prefix a {@code *} may end; shorter ones are searched as words. */
    public static final int MIN_PREFIX = 2;

    private static final int FLAGS = SimpleQueryParser.AND_OPERATOR | SimpleQueryParser.NOT_OPERATOR
            | SimpleQueryParser.OR_OPERATOR | SimpleQueryParser.PREFIX_OPERATOR | SimpleQueryParser.PHRASE_OPERATOR
            | SimpleQueryParser.PRECEDENCE_OPERATORS | SimpleQueryParser.ESCAPE_OPERATOR
            | SimpleQueryParser.WHITESPACE_OPERATOR;

    private final Analyzer analyzer;

    public TextQueries(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** The query for what the box holds; one that matches nothing when nothing searchable is left. */
    public Query parse(String text) {
        Parser parser = new Parser(analyzer);
        parser.setDefaultOperator(BooleanClause.Occur.MUST);
        return parser.parse(text);
    }

    /** The simple query parser with short prefixes turned into words. */
    private static final class Parser extends SimpleQueryParser {

        Parser(Analyzer analyzer) {
            super(analyzer, Map.of(IndexFields.TITLE, TITLE_BOOST, IndexFields.TEXT, 1f), FLAGS);
        }

        @Override
        protected Query newPrefixQuery(String text) {
            if (text.codePointCount(0, text.length()) < MIN_PREFIX) {
                return newDefaultQuery(text);
            }
            return super.newPrefixQuery(text);
        }
    }
}
