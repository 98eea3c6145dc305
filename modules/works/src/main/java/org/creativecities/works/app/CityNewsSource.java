package org.creativecities.works.app;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Extension point: another context's news about a city, shown in the city's Atom feed
 * ({@code /feeds/cities/{slug}.atom}) beside its newly published works. City pages offer their brand page's
 * updates; events and projects add theirs by offering a CDI bean that implements this, nothing else. Called for
 * every read of a city's feed, by an anonymous reader: it answers public news only, newest first, cheaply.
 */
public interface CityNewsSource {

    /** The city's newest public news, newest first, at most {@code limit}. */
    List<NewsItem> news(long cityId, String citySlug, int limit);

    /**
     * One piece of news, as an Atom entry.
     *
     * @param id      a stable, unique id: a path on this site with a fragment if needed
     *                ({@code /cities/lyon#page-3}); made absolute in the feed
     * @param title   its title, as text
     * @param path    the page that shows it, a path on this site
     * @param updated when it happened or last changed
     * @param author  who made it, as text
     * @param summary a short text
     * @param html    its content as safe HTML (rendered and sanitised), or null for none
     */
    record NewsItem(String id, String title, String path, OffsetDateTime updated, String author, String summary,
                    String html) {
    }
}
