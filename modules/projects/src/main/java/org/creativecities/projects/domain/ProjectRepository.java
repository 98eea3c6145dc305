package org.creativecities.projects.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The projects and their people, on the projects context's own persistence unit. */
public interface ProjectRepository {

    Optional<Project> find(long id);

    /** The project, locked for a change of its people (so that two leads leaving at once leave one). */
    Optional<Project> lock(long id);

    /** The project whose own space this is. */
    Optional<Project> findBySpace(long spaceId);

    /** Projects created before projects had spaces (migration V4), the oldest first, at most {@code limit}. */
    List<Project> withoutSpace(int limit);

    Project add(Project project);

    /** Projects, newest first, optionally of a city and a field (ids), at most {@code limit}. */
    List<Project> list(Optional<Long> cityId, Optional<Long> fieldId, int limit);

    List<ProjectMember> members(long projectId);

    Optional<ProjectMember> member(long projectId, long accountId);

    ProjectMember addMember(ProjectMember member);

    void removeMember(ProjectMember member);

    Milestone addMilestone(Milestone milestone);

    /** A project's milestones by date. */
    List<Milestone> milestones(long projectId);

    /** The first milestone due on or after the day. */
    Optional<Milestone> nextMilestone(long projectId, LocalDate from);
}
