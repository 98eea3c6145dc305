package org.creativecities.projects.app;

import java.time.OffsetDateTime;
import java.util.List;

/** The request and response bodies of the projects API. */
public final class ProjectDtos {

    private ProjectDtos() {
    }

    /**
     * A new project: a {@code title}, a {@code goal} in Markdown, the {@code cities} it joins (slugs, one at least,
     * one of them the creator's), its creative {@code fields} (slugs), and whether it is {@code open} to join
     * requests (default true).
     */
    public record NewProject(String title, String goal, List<String> cities, List<String> fields, Boolean open) {
    }

    /** A change: only the properties given change. */
    public record ProjectUpdate(String title, String goal, List<String> cities, List<String> fields, Boolean open) {
    }

    public record CityRef(String slug, String name) {
    }

    public record PersonRef(long accountId, String displayName) {
    }

    /**
     * A project. {@code goalHtml} is the goal rendered safely; {@code leads} its active leads; {@code myRole} and
     * {@code myState} the caller's place in it (null for a visitor or an outsider); {@code canEdit} whether the
     * caller may change it and manage its people.
     */
    public record ProjectView(long id, String title, String goal, String goalHtml, boolean open, List<CityRef> cities,
                              List<String> fields, List<PersonRef> leads, long memberCount, String myRole,
                              String myState, boolean canEdit, OffsetDateTime createdAt) {
    }

    /** Projects, newest first. */
    public record ProjectList(List<ProjectView> items) {
    }
}
