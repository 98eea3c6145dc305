package org.creativecities.projects.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.creativecities.core.membership.MembershipDtos.ProfileView;
import org.creativecities.core.membership.ProfileReads;
import org.creativecities.projects.app.ProjectDtos.CityRef;
import org.creativecities.projects.app.ProjectDtos.MatchView;
import org.creativecities.projects.domain.Need;
import org.creativecities.projects.domain.ProjectMember;
import org.creativecities.projects.domain.ProjectRepository;

/**
 * Suggests people of the core's expertise directory for a need, ranked by skill (8), each shared field (3), a
 * shared language (2) and the need's city (1). A skill matches one of a person's expertise tags folding accents and
 * case, or through a near-synonym ({@link Synonyms}); someone who matches neither skill nor field is not suggested,
 * the project's active members are left out, and people invited or asking to join are marked so.
 */
@ApplicationScoped
public class Matching {

    static final int SKILL = 8;
    static final int FIELD = 3;
    static final int LANGUAGE = 2;
    static final int CITY = 1;
    static final int PAGE = 200;
    /** The directory read for one need, at most. */
    static final int MAX_PROFILES = 5000;
    static final int MAX_MATCHES = 50;

    @Inject
    private ProfileReads profiles;

    @Inject
    private Synonyms synonyms;

    @Inject
    private ProjectViews views;

    @Inject
    private ProjectRepository projects;

    @Transactional
    public List<MatchView> matches(Need need) {
        SkillTerms terms = synonyms.terms();
        Set<String> fields = Set.copyOf(views.fieldSlugs(need.fieldIds()));
        Set<String> languages = need.languages().stream().map(Needs::primary).flatMap(Optional::stream)
                .collect(Collectors.toSet());
        Optional<String> city = need.cityId().map(List::of).map(views::cityRefs)
                .flatMap(l -> l.stream().findFirst()).map(CityRef::slug);
        Map<Long, ProjectMember> people = projects.members(need.projectId()).stream()
                .collect(Collectors.toMap(ProjectMember::accountId, m -> m));
        List<MatchView> found = new ArrayList<>();
        for (int offset = 0; offset < MAX_PROFILES; offset += PAGE) {
            List<ProfileView> page = profiles.page(offset, PAGE);
            for (ProfileView p : page) {
                ProjectMember place = people.get(p.id());
                if (place == null || !place.isActive()) {
                    score(terms, need.skill(), fields, languages, city, p)
                            .map(m -> place == null ? m : pending(m, place)).ifPresent(found::add);
                }
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        return found.stream().sorted(Comparator.comparingInt(MatchView::score).reversed()
                        .thenComparing(MatchView::displayName).thenComparingLong(MatchView::accountId))
                .limit(MAX_MATCHES).toList();
    }

    private static MatchView pending(MatchView m, ProjectMember place) {
        return new MatchView(m.accountId(), m.displayName(), m.city(), m.expertise(), m.fields(), m.languages(),
                m.score(), m.reasons(), ProjectViews.lower(place.state()));
    }

    static Optional<MatchView> score(SkillTerms terms, String skill, Set<String> fields, Set<String> languages,
                                     Optional<String> city, ProfileView p) {
        List<String> reasons = new ArrayList<>();
        int score = 0;
        if (p.expertise().stream().anyMatch(tag -> terms.matches(skill, tag))) {
            score += SKILL;
            reasons.add("skill");
        }
        long sharedFields = p.fields().stream().filter(fields::contains).count();
        if (sharedFields > 0) {
            score += FIELD * (int) sharedFields;
            reasons.add("field");
        }
        if (reasons.isEmpty()) {
            return Optional.empty();
        }
        if (p.languages().stream().map(Needs::primary).flatMap(Optional::stream).anyMatch(languages::contains)) {
            score += LANGUAGE;
            reasons.add("language");
        }
        if (city.isPresent() && (p.homeCity() != null && city.get().equals(p.homeCity().slug())
                || p.cities().stream().anyMatch(c -> city.get().equals(c.city())))) {
            score += CITY;
            reasons.add("city");
        }
        return Optional.of(new MatchView(p.id(), p.displayName(), People.city(p).orElse(null),
                People.sorted(p.expertise()), People.sorted(p.fields()), People.sorted(p.languages()), score,
                List.copyOf(reasons), null));
    }
}
