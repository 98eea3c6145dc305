package org.creativecities.core.membership;

import java.util.Set;

/**
 * Extension point: the near-synonyms of an expertise tag, so that the directory's tag search finds "sound designer"
 * when asked for "audio designer". The core has no taxonomy of its own; a context that keeps one (cross-city projects,
 * with the list administrators extend) provides a CDI bean. With none, a tag matches only itself.
 */
public interface TagSynonyms {

    /**
     * The near-synonyms of a tag.
     *
     * @param tag the tag as asked (any case, accents or punctuation)
     * @return its near-synonyms in any form (the directory folds them as it folds tags); may hold the tag itself,
     *         empty when it has none
     */
    Set<String> of(String tag);
}
