package org.creativecities.projects.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.creativecities.core.membership.TagSynonyms;

/**
 * Lends the skill taxonomy's near-synonyms (the shipped groups and the administrators') to the core's people
 * directory, so that its tag search is as tolerant as the expertise matching of a project's needs.
 */
@ApplicationScoped
public class DirectoryTagSynonyms implements TagSynonyms {

    @Inject
    private Synonyms synonyms;

    @Override
    public Set<String> of(String tag) {
        return synonyms.terms().expand(tag);
    }
}
