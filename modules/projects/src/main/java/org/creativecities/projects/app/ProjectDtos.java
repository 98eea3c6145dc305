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
     * caller may change it and manage its people; {@code nextMilestone} the first milestone due today or later (UTC),
     * or null; {@code space} the project's own space (its rooms are {@code GET /api/spaces/{space}/rooms}; its
     * members post there, its leads manage it; the start gives one to projects created before projects had spaces).
     */
    public record ProjectView(long id, String title, String goal, String goalHtml, boolean open, List<CityRef> cities,
                              List<String> fields, List<PersonRef> leads, long memberCount, String myRole,
                              String myState, boolean canEdit, OffsetDateTime createdAt,
                              MilestoneView nextMilestone, Long space) {
    }

    /**
     * A request to {@code POST /api/projects/{id}/members}: without {@code accountId} (or with the caller's own) the
     * caller asks to join, or accepts an invitation; a lead naming someone else invites them, or approves their
     * request.
     */
    public record MemberRequest(Long accountId) {
    }

    /**
     * A change to someone's place: {@code decision} 'approve' or 'decline' (a lead, on a join request), 'accept' or
     * 'decline' (the invitee, on an invitation); {@code role} 'lead' or 'member' (a lead, on an active member).
     */
    public record MemberChange(String decision, String role) {
    }

    /**
     * A person in a project: {@code role} 'lead' or 'member', {@code state} 'active', 'requested' (asked to join) or
     * 'invited'; with their city, expertise and languages from the expertise directory.
     */
    public record MemberView(long accountId, String displayName, String role, String state, CityRef city,
                             List<String> expertise, List<String> languages) {
    }

    /** A project's people: active members first, then pending requests and invitations (leads see those). */
    public record MemberList(List<MemberView> items) {
    }

    /**
     * A need for expertise: a {@code skill} ("sound designer"), an optional {@code description}, creative
     * {@code fields} (slugs; the project's when none), {@code languages} (codes such as 'fr' or 'pt-BR') and an
     * optional {@code city} (a slug) whose people rank higher.
     */
    public record NewNeed(String skill, String description, List<String> fields, List<String> languages,
                          String city) {
    }

    /** A need, with the path of its matches. */
    public record NeedView(long id, String skill, String description, List<String> fields, List<String> languages,
                           CityRef city, OffsetDateTime createdAt, String matches) {
    }

    public record NeedList(List<NeedView> items) {
    }

    /**
     * A person the directory suggests for a need, best first: {@code score} adds 8 for the skill (one of their
     * expertise tags, folding accents and case, or a near-synonym), 3 for each shared field, 2 for a shared language
     * and 1 for the need's city; {@code reasons} names what matched ('skill', 'field', 'language', 'city');
     * {@code state} is 'invited' or 'requested' when the person is already on their way into the project, else null.
     */
    public record MatchView(long accountId, String displayName, CityRef city, List<String> expertise,
                            List<String> fields, List<String> languages, int score, List<String> reasons,
                            String state) {
    }

    public record MatchList(List<MatchView> items) {
    }

    /**
     * Near-synonyms of the skill taxonomy: the {@code shipped} groups (read only) and the administrators'
     * {@code groups}, each a list of terms.
     */
    public record Synonyms(List<List<String>> shipped, List<List<String>> groups) {
    }

    /** The administrators' synonym groups, replacing the previous ones. */
    public record SynonymsUpdate(List<List<String>> groups) {
    }

    /** A new milestone: a {@code title} and its {@code date} (ISO, e.g. 2027-05-01). */
    public record NewMilestone(String title, String date) {
    }

    /** A milestone; {@code date} is ISO (2027-05-01). */
    public record MilestoneView(long id, String title, String date) {
    }

    public record MilestoneList(List<MilestoneView> items) {
    }

    /** Projects, newest first. */
    public record ProjectList(List<ProjectView> items) {
    }
}
