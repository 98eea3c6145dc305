package org.creativecities.projects.app;

import java.util.Set;

/**
 * A step of someone's way into a project that other people must hear of: a join request, its answer, an invitation,
 * its answer. Fired inside the transaction that took the step; the notification centre observes it
 * {@code AFTER_SUCCESS} and decides who is told (the project's leads of a request and of an invitation's answer,
 * the person of a request's answer and of an invitation). It is the only class of projects another context uses.
 *
 * @param projectId the project
 * @param title     its title now
 * @param action    {@code requested}, {@code approved}, {@code declined} (a request's answer), {@code invited},
 *                  {@code accepted}, {@code refused} (an invitation's answer)
 * @param actorId   who took the step
 * @param actorName their name
 * @param personId  whose place it is (the one who asks, or the one invited)
 * @param leadIds   the project's active leads once the step is taken
 */
public record ProjectActivity(long projectId, String title, String action, long actorId, String actorName,
                              long personId, Set<Long> leadIds) {

    /** The actions that go to the project's leads; the others go to the person. */
    public boolean toLeads() {
        return "requested".equals(action) || "accepted".equals(action) || "refused".equals(action);
    }
}
