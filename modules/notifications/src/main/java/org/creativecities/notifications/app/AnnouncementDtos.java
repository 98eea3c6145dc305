package org.creativecities.notifications.app;

import java.time.OffsetDateTime;
import java.util.List;

/** The announcements' API bodies. */
public final class AnnouncementDtos {

    private AnnouncementDtos() {
    }

    /**
     * An announcement to send.
     *
     * @param audience network (administrators), field (administrators) or city (its coordinators, administrators)
     * @param field    the creative field's slug, for audience field
     * @param city     the city's slug, for audience city
     * @param title    at most 200 characters
     * @param body     Markdown, at most 4000 characters
     */
    public record NewAnnouncement(String audience, String field, String city, String title, String body) {
    }

    /**
     * An announcement, with its fan-out's progress.
     *
     * @param bodyHtml    the body rendered and sanitised as messages are
     * @param recipients  how many people its audience held when it was sent
     * @param delivered   how many notifications the fan-out has stored so far
     * @param status      delivering, or delivered once the audience is exhausted
     * @param completedAt when the fan-out finished
     */
    public record AnnouncementView(long id, String audience, String field, String city, String title, String body,
                                   String bodyHtml, long authorId, String authorName, OffsetDateTime createdAt,
                                   int recipients, int delivered, String status, OffsetDateTime completedAt) {
    }

    /** A page of announcements, newest first. */
    public record AnnouncementPage(List<AnnouncementView> items, long total, int page, int size) {
    }
}
