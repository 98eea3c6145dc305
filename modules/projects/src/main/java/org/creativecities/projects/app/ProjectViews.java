package org.creativecities.projects.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.creativecities.core.city.CityRepository;
import org.creativecities.core.city.CreativeField;
import org.creativecities.core.identity.AccountRepository;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.live.SafeMarkdown;
import org.creativecities.projects.app.ProjectDtos.CityRef;
import org.creativecities.projects.app.ProjectDtos.PersonRef;
import org.creativecities.projects.app.ProjectDtos.ProjectView;
import org.creativecities.projects.domain.Project;
import org.creativecities.projects.domain.ProjectMember;
import org.creativecities.projects.domain.ProjectRepository;

/** Turns projects into the API's views, with city names, field slugs, leads and the caller's place. */
@ApplicationScoped
public class ProjectViews {

    @Inject
    private CityRepository cities;

    @Inject
    private AccountRepository accounts;

    @Inject
    private ProjectRepository projects;

    @Inject
    private ProjectAccess access;

    @Inject
    private Milestones milestones;

    @Transactional
    public ProjectView view(Optional<Caller.Identity> who, Project p) {
        List<ProjectMember> people = projects.members(p.id());
        List<PersonRef> leads = people.stream().filter(ProjectMember::isActiveLead).map(m -> person(m.accountId()))
                .flatMap(Optional::stream).toList();
        long count = people.stream().filter(ProjectMember::isActive).count();
        Optional<ProjectMember> mine = who.flatMap(w -> people.stream().filter(m -> m.accountId() == w.id())
                .findFirst());
        return new ProjectView(p.id(), p.title(), p.goal().orElse(null), p.goal().map(SafeMarkdown::html).orElse(""),
                p.isOpen(), cityRefs(p.cityIds()), fieldSlugs(p.fieldIds()), leads, count,
                mine.map(m -> lower(m.role())).orElse(null), mine.map(m -> lower(m.state())).orElse(null),
                who.map(w -> access.leads(w, p)).orElse(false), p.createdAt(),
                milestones.next(p.id()).orElse(null), p.spaceId().orElse(null));
    }

    public Optional<PersonRef> person(long accountId) {
        return accounts.findById(accountId).map(a -> new PersonRef(a.id(), a.displayName()));
    }

    public List<CityRef> cityRefs(Collection<Long> ids) {
        return ids.stream().map(cities::findById).flatMap(Optional::stream)
                .map(c -> new CityRef(c.slug(), c.name())).sorted(Comparator.comparing(CityRef::name)).toList();
    }

    public List<String> fieldSlugs(Collection<Long> ids) {
        Map<Long, String> all = cities.fields().stream().collect(Collectors.toMap(CreativeField::id,
                CreativeField::slug));
        return ids.stream().map(all::get).filter(Objects::nonNull).sorted().toList();
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
