package org.creativecities.projects.domain;

import java.util.List;
import java.util.Optional;

/** Projects' needs and the administrators' synonym groups. */
public interface NeedRepository {

    Need add(Need need);

    /** The need, if it belongs to the project. */
    Optional<Need> find(long projectId, long needId);

    /** A project's needs, oldest first. */
    List<Need> ofProject(long projectId);

    /** The administrators' synonym groups, in their order. */
    List<SynonymGroup> synonymGroups();

    /** Replaces the administrators' synonym groups. */
    void replaceSynonymGroups(List<SynonymGroup> groups);
}
