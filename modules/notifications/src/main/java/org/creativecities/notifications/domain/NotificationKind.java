package org.creativecities.notifications.domain;

import java.util.Optional;

/** What a {@link Notification} is about; its API name is also the preference key of that kind. */
public enum NotificationKind {
    /** Someone mentioned me in a room message. */
    MENTION,
    /** Someone answered one of my messages. */
    REPLY,
    /** Someone asked to join a city I coordinate. */
    JOIN_REQUEST,
    /** A coordinator approved or rejected my request to join a city ({@code detail}: approved, rejected). */
    JOIN_ANSWER,
    /** A co-author saved a new version of my work. */
    WORK_VERSION,
    /** Someone forked my work. */
    WORK_FORK,
    /** The creator of a work added me as a co-author. */
    WORK_INVITATION,
    /** A moderator acted on me ({@code detail}: mute, ban, kick, unmute, unban, delete-message). */
    MODERATION,
    /** An occurrence of an event I answered (going, or interested) starts soon. */
    EVENT_STARTING_SOON,
    /** Someone asked to join a project I lead. */
    PROJECT_JOIN_REQUEST,
    /** A lead approved or declined my request to join a project ({@code detail}: approved, declined). */
    PROJECT_JOIN_ANSWER,
    /** A lead invited me to a project. */
    PROJECT_INVITATION,
    /** Someone answered an invitation to a project I lead ({@code detail}: accepted, refused). */
    PROJECT_INVITATION_ANSWER,
    /** An administrator or a coordinator of my city announced something to an audience I am in. */
    ANNOUNCEMENT;

    /** The name used in the API: lower case, words joined by a hyphen. */
    public String apiName() {
        return ApiNames.of(this);
    }

    /** The kind with this API name, if there is one. */
    public static Optional<NotificationKind> ofApiName(String name) {
        return ApiNames.find(NotificationKind.class, name);
    }
}
