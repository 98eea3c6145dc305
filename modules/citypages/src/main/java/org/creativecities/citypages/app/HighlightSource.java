package org.creativecities.citypages.app;

import java.util.Optional;

/**
 * Extension point: a kind of thing a city can pin on its page. Works are one ({@code integration.PinnedWorks});
 * the events and projects modules add theirs by offering a CDI bean that implements this, nothing else. A pin is
 * checked when it is saved, and read again when the page is shown: what is no longer public disappears from the
 * page (the version still names it).
 */
public interface HighlightSource {

    /** The kind's name in the API and in stored pages, e.g. {@code work}; lower case, unique. */
    String type();

    /** The thing, if it exists and everyone may see it. */
    Optional<HighlightCard> publicOne(long id);

    /**
     * What the page shows of a pinned thing.
     *
     * @param type    the kind, as {@link #type()}
     * @param id      its id
     * @param title   its title
     * @param url     the page that shows it, a path on this site
     * @param image   a picture of it (a media URL), if any
     */
    record HighlightCard(String type, long id, String title, String url, Optional<String> image) {
    }
}
