package org.creativecities.core.live;

import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.node.Link;
import org.commonmark.node.Text;
import org.commonmark.parser.beta.InlineContentParser;
import org.commonmark.parser.beta.InlineContentParserFactory;
import org.commonmark.parser.beta.InlineParserState;
import org.commonmark.parser.beta.ParsedInline;
import org.commonmark.parser.beta.Position;
import org.commonmark.parser.beta.Scanner;

/**
 * Takes {@code <} away from commonmark's own inline parsers. Theirs look for the closing {@code >} to the end of
 * the paragraph for every {@code <}, so a paragraph of many {@code <} costs time quadratic in its length (16,000 of
 * them took 0.4 s of CPU). Raw HTML is escaped anyway, so only autolinks matter: this one reads at most
 * {@link #MAX_AUTOLINK} characters after a {@code <} and stops at the first character an autolink cannot hold,
 * which keeps a whole paragraph linear. Anything that is not an autolink is the text {@code <}.
 */
final class AngleBrackets implements InlineContentParserFactory {

    /** Longest autolink read between {@code <} and {@code >}, in characters. */
    static final int MAX_AUTOLINK = 2048;

    private static final Pattern URI = Pattern.compile("[A-Za-z][A-Za-z0-9+.\\-]{1,31}:[^\\x00-\\x20<>]*");
    private static final Pattern EMAIL = Pattern.compile("[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~\\-]+@[a-zA-Z0-9]"
            + "(?:[a-zA-Z0-9\\-]{0,61}[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9\\-]{0,61}[a-zA-Z0-9])?)*");

    @Override
    public Set<Character> getTriggerCharacters() {
        return Set.of('<');
    }

    @Override
    public InlineContentParser create() {
        return AngleBrackets::parse;
    }

    private static ParsedInline parse(InlineParserState state) {
        Scanner scanner = state.scanner();
        scanner.next();
        Position afterBracket = scanner.position();
        StringBuilder inside = new StringBuilder();
        while (inside.length() <= MAX_AUTOLINK) {
            char c = scanner.peek();
            if (c == '>') {
                scanner.next();
                return autolink(inside.toString(), scanner, afterBracket);
            }
            if (c <= ' ' || c == '<' || c == Scanner.END) {
                break;
            }
            inside.append(c);
            scanner.next();
        }
        scanner.setPosition(afterBracket);
        return ParsedInline.of(new Text("<"), afterBracket);
    }

    private static ParsedInline autolink(String inside, Scanner scanner, Position afterBracket) {
        String destination;
        if (URI.matcher(inside).matches()) {
            destination = inside;
        } else if (EMAIL.matcher(inside).matches()) {
            destination = "mailto:" + inside;
        } else {
            scanner.setPosition(afterBracket);
            return ParsedInline.of(new Text("<"), scanner.position());
        }
        Link link = new Link(destination, null);
        link.appendChild(new Text(inside));
        return ParsedInline.of(link, scanner.position());
    }
}
