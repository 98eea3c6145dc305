package org.creativecities.core.membership;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.creativecities.core.city.City;
import org.creativecities.core.city.CityCatalogue;
import org.creativecities.core.city.CityRepository;
import org.creativecities.core.city.CityService;
import org.creativecities.core.city.CreativeField;
import org.creativecities.core.identity.Account;
import org.creativecities.core.identity.AccountService;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.membership.MembershipDtos.CityRef;
import org.creativecities.core.membership.MembershipDtos.Me;
import org.creativecities.core.membership.MembershipDtos.MyMembership;
import org.creativecities.core.membership.MembershipDtos.ProfileUpdate;
import org.creativecities.core.membership.MembershipDtos.ProfileView;
import org.creativecities.core.platform.web.Page;
import org.creativecities.core.platform.web.PageRequest;
import org.creativecities.core.platform.web.ProblemException;

/** Practitioner profiles and the expertise directory. Only the owner and administrators change a profile. */
@ApplicationScoped
public class ProfileService {

    /** Most tag terms (a tag and its near-synonyms) one directory search compares. */
    static final int MAX_TAG_TERMS = 32;

    @Inject
    private MembershipRepository repository;

    @Inject
    private Instance<TagSynonyms> synonyms;

    @Inject
    private AccountService accounts;

    @Inject
    private CityService cities;

    @Inject
    private CityRepository cityRepository;

    @Inject
    private Event<CityCatalogue.Changed> catalogueChanged;

    @Inject
    private Event<ProfileChanged> profileChanged;

    @Transactional
    public ProfileView view(long accountId) {
        return viewOf(accounts.find(accountId));
    }

    @Transactional
    public Me me(Caller caller) {
        Account account = accounts.find(caller.require().id());
        List<MyMembership> all = repository.ofAccount(account.id()).stream().map(MyMembership::of).toList();
        return new Me(account.id(), account.email(), account.displayName(), account.isAdmin(), viewOf(account), all);
    }

    @Transactional
    public ProfileView update(Caller caller, long accountId, ProfileUpdate body) {
        caller.requireSelfOrAdmin(accountId);
        Account account = accounts.find(accountId);
        if (body.displayName() != null) {
            accounts.rename(accountId, body.displayName());
            catalogueChanged.fire(new CityCatalogue.Changed("display name of account " + accountId));
        }
        Profile profile = repository.findProfile(accountId).orElseGet(() -> repository.addProfile(new Profile(account)));
        if (body.bio() != null) {
            profile.setBio(body.bio());
        }
        if (body.homeCity() != null) {
            profile.setHomeCity(body.homeCity().isBlank() ? null : cities.get(body.homeCity()));
        }
        if (body.fields() != null) {
            Set<String> known = new LinkedHashSet<>(cityRepository.fields().stream().map(CreativeField::slug).toList());
            for (String f : body.fields()) {
                if (!known.contains(f)) {
                    throw ProblemException.invalidField("fields", "unknown creative field '" + f + "'");
                }
            }
            profile.setFields(body.fields());
        }
        if (body.expertise() != null) {
            profile.setExpertise(body.expertise().stream().map(ProfileService::normalizeTag).toList());
        }
        if (body.languages() != null) {
            profile.setLanguages(body.languages());
        }
        profile.refreshSearchKeys();
        profileChanged.fire(new ProfileChanged(accountId));
        return viewOf(account);
    }

    @Transactional
    public Page<ProfileView> directory(MembershipRepository.DirectoryQuery query, PageRequest page) {
        MembershipRepository.DirectoryQuery normalized = new MembershipRepository.DirectoryQuery(
                withSynonyms(query.tags()), query.field(), query.city(), query.language(),
                query.text().map(City::fold));
        return page.of(repository.directory(normalized, page.offset(), page.size()).stream()
                .map(p -> viewOf(p.account())).toList(), repository.countDirectory(normalized));
    }

    /**
     * Computes the search keys of at most {@code limit} profiles that have none (those saved before the keys
     * existed).
     *
     * @return how many were filled; fewer than {@code limit} means none is left
     */
    @Transactional
    public int fillMissingSearchKeys(int limit) {
        List<Profile> missing = repository.profilesWithoutSearchKeys(limit);
        missing.forEach(Profile::refreshSearchKeys);
        return missing.size();
    }

    /**
     * The tags asked and their near-synonyms ({@link TagSynonyms}), as the directory compares them (folded words),
     * at most {@link #MAX_TAG_TERMS}, the ones asked first.
     */
    private List<String> withSynonyms(List<String> asked) {
        Set<String> terms = new LinkedHashSet<>();
        asked.stream().map(Profile::tagWords).filter(t -> !t.isEmpty()).forEach(terms::add);
        for (String tag : asked) {
            for (TagSynonyms source : synonyms) {
                source.of(tag).stream().map(Profile::tagWords).filter(t -> !t.isEmpty()).forEach(terms::add);
            }
        }
        if (terms.isEmpty() && !asked.isEmpty()) {
            terms.add("");
        }
        return terms.stream().limit(MAX_TAG_TERMS).toList();
    }

    /** Tags compare without regard to case or surrounding space. */
    static String normalizeTag(String tag) {
        return tag.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private ProfileView viewOf(Account account) {
        List<MyMembership> active = repository.ofAccount(account.id()).stream().filter(Membership::isActive)
                .map(MyMembership::of).toList();
        return repository.findProfile(account.id())
                .map(p -> new ProfileView(account.id(), account.displayName(), p.bio().orElse(null),
                        p.homeCity().map(c -> new CityRef(c.slug(), c.name())).orElse(null), p.fields(),
                        p.expertise(), p.languages(), active))
                .orElseGet(() -> new ProfileView(account.id(), account.displayName(), null, null, Set.of(), Set.of(),
                        Set.of(), active));
    }
}
