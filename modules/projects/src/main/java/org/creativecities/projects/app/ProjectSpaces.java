package org.creativecities.projects.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.creativecities.core.space.SpaceOwner;
import org.creativecities.projects.domain.ProjectMember;
import org.creativecities.projects.domain.ProjectRepository;

/**
 * The projects' own spaces, as the core asks of their owner: a project's active members post in its rooms, its
 * active leads manage them (add rooms, lock, archive). Who reads them is the space's visibility: public, as
 * projects are.
 */
@ApplicationScoped
public class ProjectSpaces implements SpaceOwner {

    @Inject
    private ProjectRepository projects;

    @Override
    @Transactional
    public Optional<Rights> rights(long spaceId, long accountId) {
        return projects.findBySpace(spaceId).map(p -> {
            Optional<ProjectMember> place = projects.member(p.id(), accountId).filter(ProjectMember::isActive);
            return new Rights(place.isPresent(), place.filter(ProjectMember::isActiveLead).isPresent());
        });
    }
}
