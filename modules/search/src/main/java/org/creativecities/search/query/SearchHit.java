package org.creativecities.search.query;

import java.time.Instant;
import java.util.List;

/**
 * One hit, as the API answers it.
 *
 * @param kind    what it is: {@code work}, {@code message}, {@code person}, {@code city}
 * @param id      its id within the kind
 * @param title   its heading, plain text
 * @param snippet the best passages of its text as HTML: the text escaped, the matched words in {@code <mark>}
 *                and nothing else (the start of the text when only the title matched)
 * @param url     where it is in the browser UI
 * @param fields  creative field slugs it belongs to
 * @param cities  city slugs it belongs to
 * @param updated when it last changed, if known
 * @param score   its relevance (BM25; higher is better), comparable within one answer only
 */
public record SearchHit(String kind, String id, String title, String snippet, String url, List<String> fields,
                        List<String> cities, Instant updated, float score) {
}
