package org.creativecities.search;

import java.time.Instant;
import java.util.Set;

/**
 * One thing the search can find, as its source describes it.
 *
 * @param kind     the source's kind ({@link SearchSource#kind()})
 * @param id       unique within the kind
 * @param title    shown as the hit's heading (a work's title, a person's name, a room's name)
 * @param text     the searchable body (plain text or Markdown)
 * @param url      where the hit leads in the browser UI (a path such as {@code /works/12})
 * @param fields   creative field slugs it belongs to (filters)
 * @param cities   city slugs it belongs to (filters)
 * @param audience the tokens of those who may find it (see {@link SearchSource})
 * @param updated  when it last changed
 */
public record SearchDocument(String kind, String id, String title, String text, String url, Set<String> fields,
        Set<String> cities, Set<String> audience, Instant updated) {
}
