package org.creativecities.notifications.mail;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.creativecities.notifications.domain.Notification;

/** The words of notification mails (English). */
final class MailTexts {

    static final String PREFIX = "[Creative Cities Commons] ";

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private MailTexts() {
    }

    /** One line saying what happened. */
    static String line(Notification n) {
        String actor = n.actorName().orElse("Someone");
        String room = n.roomName().map(r -> "\"" + r + "\"").orElse("a room");
        String work = n.workTitle().map(t -> "\"" + t + "\"").orElse("your work");
        String city = n.citySlug().orElse("a city");
        return switch (n.kind()) {
            case MENTION -> actor + " mentioned you in " + room;
            case REPLY -> actor + " replied to you in " + room;
            case JOIN_REQUEST -> actor + " asks to join " + city;
            case JOIN_ANSWER -> "Your request to join " + city + " was " + n.detail().orElse("answered");
            case WORK_VERSION -> actor + " saved a new version of " + work;
            case WORK_FORK -> actor + " forked " + work;
            case MODERATION -> "A moderator acted on your participation in " + room + ": "
                    + n.detail().orElse("moderation");
            case EVENT_STARTING_SOON -> "\"" + n.eventTitle().orElse("An event") + "\" starts soon, at "
                    + n.eventStart().map(s -> s.withOffsetSameInstant(ZoneOffset.UTC).format(AT)).orElse("its time");
        };
    }

    static String body(Notification n) {
        return line(n) + n.excerpt().map(e -> ":\n\n  " + e.replace("\n", "\n  ")).orElse(".");
    }

    static String footer(String baseUrl, String unsubscribe) {
        return "\n\nOpen your notifications: " + baseUrl + "/notifications\n\n-- \nYou receive this email because "
                + "you chose it in your notification preferences.\nUnsubscribe in one click: " + unsubscribe + "\n";
    }
}
