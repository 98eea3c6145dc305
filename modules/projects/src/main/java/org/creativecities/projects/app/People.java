package org.creativecities.projects.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.creativecities.core.identity.AccountRepository;
import org.creativecities.core.membership.Membership;
import org.creativecities.core.membership.MembershipDtos.ProfileView;
import org.creativecities.core.membership.MembershipRepository;
import org.creativecities.core.membership.ProfileReads;
import org.creativecities.projects.app.ProjectDtos.CityRef;
import org.creativecities.projects.app.ProjectDtos.MemberView;
import org.creativecities.projects.domain.ProjectMember;

/**
 * The people of projects as the core's expertise directory knows them: name, city (the profile's home city, else
 * the first city they are an active member of), expertise and languages.
 */
@ApplicationScoped
public class People {

    @Inject
    private ProfileReads profiles;

    @Inject
    private AccountRepository accounts;

    @Inject
    private MembershipRepository memberships;

    public boolean exists(long accountId) {
        return accounts.findById(accountId).isPresent();
    }

    /** A member's row with what the directory says of them; empty if the account is gone. */
    public Optional<MemberView> view(ProjectMember m) {
        return accounts.findById(m.accountId()).map(a -> {
            Optional<ProfileView> profile = profiles.find(a.id());
            return new MemberView(a.id(), a.displayName(), ProjectViews.lower(m.role()),
                    ProjectViews.lower(m.state()), city(profile, a.id()).orElse(null),
                    profile.map(p -> sorted(p.expertise())).orElse(List.of()),
                    profile.map(p -> sorted(p.languages())).orElse(List.of()));
        });
    }

    /** The city a profile shows: its home city, else the first of its cities. */
    public static Optional<CityRef> city(ProfileView p) {
        if (p.homeCity() != null) {
            return Optional.of(new CityRef(p.homeCity().slug(), p.homeCity().name()));
        }
        return p.cities().stream().filter(c -> "ACTIVE".equals(c.status())).findFirst()
                .map(c -> new CityRef(c.city(), c.cityName()));
    }

    private Optional<CityRef> city(Optional<ProfileView> profile, long accountId) {
        Optional<CityRef> shown = profile.flatMap(People::city);
        if (shown.isPresent()) {
            return shown;
        }
        return memberships.ofAccount(accountId).stream().filter(Membership::isActive).findFirst()
                .map(m -> new CityRef(m.city().slug(), m.city().name()));
    }

    static List<String> sorted(java.util.Collection<String> values) {
        return values.stream().sorted().toList();
    }
}
