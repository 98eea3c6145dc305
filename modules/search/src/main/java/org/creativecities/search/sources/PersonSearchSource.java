package org.creativecities.search.sources;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.creativecities.core.membership.MembershipDtos.MyMembership;
import org.creativecities.core.membership.MembershipDtos.ProfileView;
import org.creativecities.core.membership.MembershipService;
import org.creativecities.core.membership.ProfileChanged;
import org.creativecities.core.membership.ProfileReads;
import org.creativecities.search.SearchDocument;
import org.creativecities.search.SearchChanges;
import org.creativecities.search.SearchSource;

/**
 * People of the expertise directory (those who filled in a profile), as their public profile shows them: the name as
 * title; bio, expertise, languages and cities as text; their fields; their home city and the cities they are an
 * active member of. Everyone may find them ({@code public}). Ids are account ids.
 */
@ApplicationScoped
public class PersonSearchSource implements SearchSource {

    public static final String KIND = "person";
    private static final int PAGE = 500;

    @Inject
    private ProfileReads profiles;

    @Inject
    private SearchChanges changes;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void documents(Consumer<SearchDocument> sink) {
        each(p -> sink.accept(toDocument(p)));
    }

    private void each(Consumer<ProfileView> action) {
        int offset = 0;
        while (true) {
            List<ProfileView> page = profiles.page(offset, PAGE);
            page.forEach(action);
            if (page.size() < PAGE) {
                return;
            }
            offset += PAGE;
        }
    }

    @Override
    public Optional<SearchDocument> document(String id) {
        try {
            return profiles.find(Long.parseLong(id)).map(PersonSearchSource::toDocument);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static SearchDocument toDocument(ProfileView p) {
        Set<String> cities = new LinkedHashSet<>();
        List<String> text = new ArrayList<>();
        if (p.bio() != null) {
            text.add(p.bio());
        }
        text.add(String.join(", ", p.expertise()));
        if (p.homeCity() != null) {
            cities.add(p.homeCity().slug());
            text.add(p.homeCity().name());
        }
        for (MyMembership m : p.cities()) {
            cities.add(m.city());
            text.add(m.cityName());
        }
        text.add(String.join(" ", p.languages()));
        return new SearchDocument(KIND, Long.toString(p.id()), p.displayName(),
                String.join("\n", text.stream().filter(t -> !t.isBlank()).distinct().toList()), "/people/" + p.id(),
                p.fields(), cities, Set.of("public"), null);
    }

    /** A digest of every profile as it would be indexed: it changes when anything searchable changes. */
    @Override
    public String version() {
        DocumentDigest digest = new DocumentDigest();
        each(p -> digest.add(toDocument(p)));
        return digest.value();
    }

    @Override
    public Set<String> audience(Optional<Long> accountId) {
        return Set.of("public");
    }

    void profileChanged(@Observes ProfileChanged event) {
        changes.changed(KIND, Long.toString(event.accountId()));
    }

    void membershipChanged(@Observes MembershipService.MembershipChanged event) {
        changes.changed(KIND, Long.toString(event.accountId()));
    }
}
