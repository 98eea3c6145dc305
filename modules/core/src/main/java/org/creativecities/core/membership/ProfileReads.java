package org.creativecities.core.membership;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.creativecities.core.membership.MembershipDtos.ProfileView;

/**
 * The public profiles of the expertise directory (people who filled in a profile), read in bulk or one at a time
 * for read models built outside the core (the search index), exactly as {@code GET /api/people/{id}} shows them.
 */
@ApplicationScoped
public class ProfileReads {

    private static final MembershipRepository.DirectoryQuery EVERYONE = new MembershipRepository.DirectoryQuery(
            List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    @Inject
    private MembershipRepository repository;

    @Inject
    private ProfileService profiles;

    /** One person's public profile, if they have one in the directory. */
    @Transactional
    public Optional<ProfileView> find(long accountId) {
        return repository.findProfile(accountId).map(p -> profiles.view(accountId));
    }

    /** Up to {@code limit} profiles of the directory from {@code offset}, in the directory's order. */
    @Transactional
    public List<ProfileView> page(int offset, int limit) {
        return repository.directory(EVERYONE, offset, limit).stream()
                .map(p -> profiles.view(p.account().id())).toList();
    }
}
