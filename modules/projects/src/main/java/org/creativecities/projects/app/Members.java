package org.creativecities.projects.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.core.space.SpaceService;
import org.creativecities.projects.ProjectsException;
import org.creativecities.projects.app.ProjectDtos.MemberChange;
import org.creativecities.projects.app.ProjectDtos.MemberView;
import org.creativecities.projects.domain.Project;
import org.creativecities.projects.domain.ProjectMember;
import org.creativecities.projects.domain.ProjectMember.Role;
import org.creativecities.projects.domain.ProjectMember.State;
import org.creativecities.projects.domain.ProjectRepository;

/**
 * A project's people: join requests for open projects (a lead approves or declines them), invitations by a lead
 * (the invitee accepts or declines), roles, and leaving. Every change locks the project, so that a project never
 * loses its last lead. Each step of a request or an invitation fires a {@link ProjectActivity} for the people who
 * must hear of it; a change of who is active or lead tells the core that the rights in the project's space changed.
 */
@ApplicationScoped
public class Members {

    @Inject
    private ProjectRepository projects;

    @Inject
    private ProjectAccess access;

    @Inject
    private People people;

    @Inject
    private TimeSource time;

    @Inject
    private Event<ProjectActivity> activity;

    @Inject
    private Event<SpaceService.RulesChanged> rulesChanged;

    /** Active members (leads first); pending rows too for its leads, and the caller's own pending row. */
    @Transactional
    public List<MemberView> list(Optional<Caller.Identity> who, long projectId) {
        Project project = project(projectId, false);
        boolean lead = who.map(w -> access.leads(w, project)).orElse(false);
        return projects.members(projectId).stream()
                .filter(m -> m.isActive() || lead || who.filter(w -> w.id() == m.accountId()).isPresent())
                .sorted(Comparator.comparing((ProjectMember m) -> m.state().ordinal())
                        .thenComparing(m -> m.role().ordinal()))
                .map(people::view).flatMap(Optional::stream).toList();
    }

    /**
     * The caller asks to join (or accepts their invitation); or a lead invites someone (or approves their request).
     * The answer says whether a row was created.
     */
    @Transactional
    public Added add(Caller.Identity who, long projectId, Long accountId) {
        Project project = project(projectId, true);
        long target = accountId == null ? who.id() : accountId;
        Optional<ProjectMember> existing = projects.member(projectId, target);
        if (target == who.id()) {
            if (existing.filter(m -> m.state() == State.INVITED).isPresent()) {
                existing.get().activate(time.now());
                fire(who, project, "accepted", target);
                return new Added(view(existing.get()), false);
            }
            refuseExisting(existing);
            if (!project.isOpen()) {
                throw ProjectsException.conflict("Closed project", "This project takes members by invitation only.");
            }
            Added asked = new Added(view(projects.addMember(new ProjectMember(projectId, target, Role.MEMBER,
                    State.REQUESTED, null, time.now()))), true);
            fire(who, project, "requested", target);
            return asked;
        }
        access.requireLead(who, project);
        if (!people.exists(target)) {
            throw ProjectsException.invalid("accountId", "No account with id " + target + ".");
        }
        if (existing.filter(m -> m.state() == State.REQUESTED).isPresent()) {
            existing.get().activate(time.now());
            fire(who, project, "approved", target);
            return new Added(view(existing.get()), false);
        }
        refuseExisting(existing);
        Added invited = new Added(view(projects.addMember(new ProjectMember(projectId, target, Role.MEMBER,
                State.INVITED, who.id(), time.now()))), true);
        fire(who, project, "invited", target);
        return invited;
    }

    /** A member row written for the answer, and whether it is new. */
    public record Added(MemberView member, boolean created) {
    }

    /** A decision on a request or an invitation, or a change of role; a declined row is gone (empty). */
    @Transactional
    public Optional<MemberView> change(Caller.Identity who, long projectId, long accountId, MemberChange body) {
        Project project = project(projectId, true);
        ProjectMember m = projects.member(projectId, accountId).filter(r -> canSee(who, project, r))
                .orElseThrow(() -> ProjectsException.notFound("Member", Long.toString(accountId)));
        if (body == null || (body.decision() == null) == (body.role() == null)) {
            throw ProjectsException.invalid("decision", "Either a decision ('approve', 'accept', 'decline') or a "
                    + "role ('lead', 'member').");
        }
        if (body.role() != null) {
            return Optional.of(view(assign(who, project, m, body.role())));
        }
        boolean invitee = m.state() == State.INVITED && who.id() == accountId;
        boolean decider = m.state() == State.REQUESTED && access.leads(who, project);
        String decision = body.decision();
        if (!invitee && !decider) {
            throw m.isActive() ? ProjectsException.conflict("Already a member", "There is nothing to decide.")
                    : ProjectsException.forbidden("A lead decides a join request; the invitee an invitation.");
        }
        if ("decline".equals(decision)) {
            projects.removeMember(m);
            fire(who, project, invitee ? "refused" : "declined", accountId);
            return Optional.empty();
        }
        if (invitee && "accept".equals(decision) || decider && "approve".equals(decision)) {
            m.activate(time.now());
            fire(who, project, invitee ? "accepted" : "approved", accountId);
            return Optional.of(view(m));
        }
        throw ProjectsException.invalid("decision", invitee ? "'accept' or 'decline'." : "'approve' or 'decline'.");
    }

    /** The person leaves (or withdraws their request, or declines); a lead may remove anyone. */
    @Transactional
    public void remove(Caller.Identity who, long projectId, long accountId) {
        Project project = project(projectId, true);
        ProjectMember m = projects.member(projectId, accountId).filter(r -> canSee(who, project, r))
                .orElseThrow(() -> ProjectsException.notFound("Member", Long.toString(accountId)));
        if (who.id() != accountId) {
            access.requireLead(who, project);
        }
        if (m.isActiveLead() && leads(projectId) == 1) {
            throw ProjectsException.conflict("Last lead", "A project keeps at least one lead: make someone else "
                    + "lead before leaving.");
        }
        projects.removeMember(m);
        if (m.state() == State.INVITED && who.id() == accountId) {
            fire(who, project, "refused", accountId);
        } else if (m.state() == State.REQUESTED && who.id() != accountId) {
            fire(who, project, "declined", accountId);
        } else {
            peopleChanged(project);
        }
    }

    /** Who posts in and manages the project's space changed: the core drops the rights it keeps. */
    private void peopleChanged(Project project) {
        project.spaceId().ifPresent(space -> rulesChanged.fire(new SpaceService.RulesChanged(space)));
    }

    /** Tells who must hear of a step: the leads are read after it, so an approved lead-to-be is not among them. */
    private void fire(Caller.Identity who, Project project, String action, long personId) {
        peopleChanged(project);
        activity.fire(new ProjectActivity(project.id(), project.title(), action, who.id(), who.displayName(),
                personId, projects.members(project.id()).stream().filter(ProjectMember::isActiveLead)
                        .map(ProjectMember::accountId).collect(Collectors.toUnmodifiableSet())));
    }

    private ProjectMember assign(Caller.Identity who, Project project, ProjectMember m, String raw) {
        access.requireLead(who, project);
        Role role = switch (raw) {
            case "lead" -> Role.LEAD;
            case "member" -> Role.MEMBER;
            default -> throw ProjectsException.invalid("role", "'lead' or 'member'.");
        };
        if (!m.isActive()) {
            throw ProjectsException.conflict("Not a member yet", "Roles are given to active members.");
        }
        if (m.role() == Role.LEAD && role == Role.MEMBER && leads(project.id()) == 1) {
            throw ProjectsException.conflict("Last lead", "A project keeps at least one lead.");
        }
        m.assign(role);
        peopleChanged(project);
        return m;
    }

    private long leads(long projectId) {
        return projects.members(projectId).stream().filter(ProjectMember::isActiveLead).count();
    }

    /** Pending rows are seen by the project's leads and the person concerned only. */
    private boolean canSee(Caller.Identity who, Project project, ProjectMember m) {
        return m.isActive() || who.id() == m.accountId() || access.leads(who, project);
    }

    private static void refuseExisting(Optional<ProjectMember> existing) {
        existing.ifPresent(m -> {
            throw switch (m.state()) {
                case ACTIVE -> ProjectsException.conflict("Already a member", "This person is a member already.");
                case REQUESTED -> ProjectsException.conflict("Already asked", "A join request is waiting for a lead.");
                case INVITED -> ProjectsException.conflict("Already invited", "An invitation is waiting for an "
                        + "answer.");
            };
        });
    }

    private MemberView view(ProjectMember m) {
        return people.view(m).orElseThrow(() -> ProjectsException.notFound("Member", Long.toString(m.accountId())));
    }

    private Project project(long id, boolean lock) {
        return (lock ? projects.lock(id) : projects.find(id))
                .orElseThrow(() -> ProjectsException.notFound("Project", Long.toString(id)));
    }
}
