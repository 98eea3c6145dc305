package org.creativecities.projects.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.membership.Membership;
import org.creativecities.core.membership.MembershipRepository;
import org.creativecities.projects.ProjectsException;
import org.creativecities.projects.domain.Project;
import org.creativecities.projects.domain.ProjectMember;
import org.creativecities.projects.domain.ProjectRepository;

/**
 * Who may do what with a project. Projects are public. An active member of one of its cities creates one and
 * becomes its lead; its active leads (and administrators) change it and manage its people and needs; its active
 * members see the matches of its needs.
 */
@ApplicationScoped
public class ProjectAccess {

    @Inject
    private MembershipRepository memberships;

    @Inject
    private ProjectRepository projects;

    /** The cities the account is an active member of, with any role. */
    public Set<Long> citiesOf(long accountId) {
        return memberships.ofAccount(accountId).stream().filter(Membership::isActive)
                .map(m -> m.city().id()).collect(Collectors.toSet());
    }

    public Optional<ProjectMember> place(Optional<Caller.Identity> who, Project project) {
        return who.flatMap(w -> projects.member(project.id(), w.id()));
    }

    /** An active lead of the project, or an administrator. */
    public boolean leads(Caller.Identity who, Project project) {
        return who.admin() || projects.member(project.id(), who.id()).filter(ProjectMember::isActiveLead).isPresent();
    }

    /** An active member of the project (any role), or an administrator. */
    public boolean takesPart(Caller.Identity who, Project project) {
        return who.admin() || projects.member(project.id(), who.id()).filter(ProjectMember::isActive).isPresent();
    }

    public void requireLead(Caller.Identity who, Project project) {
        if (!leads(who, project)) {
            throw ProjectsException.forbidden("Only the project's leads and administrators may do this.");
        }
    }

    public void requireMember(Caller.Identity who, Project project) {
        if (!takesPart(who, project)) {
            throw ProjectsException.forbidden("Only the project's members and administrators may do this.");
        }
    }
}
