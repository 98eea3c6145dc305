package org.creativecities.projects.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.core.space.OwnedSpaces;
import org.creativecities.projects.ProjectsException;
import org.creativecities.projects.app.ProjectDtos.NewProject;
import org.creativecities.projects.app.ProjectDtos.ProjectUpdate;
import org.creativecities.projects.domain.Project;
import org.creativecities.projects.domain.ProjectMember;
import org.creativecities.projects.domain.ProjectRepository;

/**
 * A project's life: an active member of one of its cities (or an administrator) creates it and becomes its lead,
 * and it gets a space of its own with a general room; its leads and administrators change it.
 */
@ApplicationScoped
public class ProjectService {

    static final int MAX_LIST = 200;

    @Inject
    private ProjectRepository projects;

    @Inject
    private ProjectInput input;

    @Inject
    private ProjectAccess access;

    @Inject
    private TimeSource time;

    @Inject
    private OwnedSpaces spaces;

    @Transactional
    public Project create(Caller.Identity who, NewProject body) {
        if (body == null) {
            throw ProjectsException.invalid("body", "A project needs a title, a goal and its cities.");
        }
        String title = input.title(body.title());
        String goal = input.goal(body.goal());
        Set<Long> cities = input.cities(body.cities());
        Set<Long> fields = input.fields(body.fields());
        if (!who.admin() && access.citiesOf(who.id()).stream().noneMatch(cities::contains)) {
            throw ProjectsException.forbidden("Only active members of one of a project's cities can start it.");
        }
        OffsetDateTime now = time.now();
        Project project = new Project(title, body.open() == null || body.open(), who.id(), now);
        project.describe(goal, now);
        project.join(cities, fields, now);
        Project added = projects.add(project);
        projects.addMember(new ProjectMember(added.id(), who.id(), ProjectMember.Role.LEAD,
                ProjectMember.State.ACTIVE, null, now));
        added.openSpace(spaces.open(spaceSlug(added), title));
        return added;
    }

    private static String spaceSlug(Project project) {
        return "project-" + project.id();
    }

    /**
     * Gives projects created before projects had spaces (migration V4 left them none) their space, with its general
     * room: at most {@code batch} of them, in one transaction. A space already opened under the project's slug (by a
     * start that stopped half-way) is taken rather than opened twice.
     *
     * @return how many projects got their space
     */
    @Transactional
    public int openMissingSpaces(int batch) {
        List<Project> old = projects.withoutSpace(batch);
        for (Project p : old) {
            p.openSpace(spaces.find(spaceSlug(p)).orElseGet(() -> spaces.open(spaceSlug(p), p.title())));
        }
        return old.size();
    }

    @Transactional
    public Project get(long id) {
        return projects.find(id).orElseThrow(() -> ProjectsException.notFound("Project", Long.toString(id)));
    }

    @Transactional
    public List<Project> list(Optional<String> city, Optional<String> field) {
        Optional<Long> cityId = city.map(c -> input.city("city", c).id());
        Optional<Long> fieldId = field.map(f -> input.field("field", f).id());
        return projects.list(cityId, fieldId, MAX_LIST);
    }

    @Transactional
    public Project update(Caller.Identity who, long id, ProjectUpdate body) {
        Project project = get(id);
        access.requireLead(who, project);
        if (body == null) {
            throw ProjectsException.invalid("body", "A JSON object with the properties to change.");
        }
        OffsetDateTime now = time.now();
        if (body.title() != null) {
            project.retitle(input.title(body.title()), now);
            project.spaceId().ifPresent(space -> spaces.rename(space, project.title()));
        }
        if (body.goal() != null) {
            project.describe(input.goal(body.goal()), now);
        }
        if (body.cities() != null || body.fields() != null) {
            project.join(body.cities() == null ? project.cityIds() : input.cities(body.cities()),
                    body.fields() == null ? project.fieldIds() : input.fields(body.fields()), now);
        }
        if (body.open() != null) {
            project.open(body.open(), now);
        }
        return project;
    }
}
