package org.creativecities.notifications.app;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import org.creativecities.notifications.app.NotificationDtos.NotificationView;

/**
 * The live frame of a new notification, sent to each {@code /ws} connection of its recipient:
 * {@code {"type":"notification","notification":{...as in GET /api/me/notifications...},"unread":3}}.
 */
final class NotificationFrames {

    private NotificationFrames() {
    }

    static String frame(NotificationView n, long unread) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", n.id()).add("kind", n.kind());
        put(b, "actorId", n.actorId());
        put(b, "actorName", n.actorName());
        put(b, "room", n.room());
        put(b, "roomName", n.roomName());
        put(b, "seq", n.seq());
        put(b, "work", n.work());
        put(b, "workTitle", n.workTitle());
        put(b, "fork", n.fork());
        put(b, "city", n.city());
        put(b, "detail", n.detail());
        put(b, "excerpt", n.excerpt());
        put(b, "event", n.event());
        put(b, "eventTitle", n.eventTitle());
        put(b, "eventStart", n.eventStart());
        put(b, "project", n.project());
        put(b, "projectTitle", n.projectTitle());
        put(b, "announcement", n.announcement());
        put(b, "announcementTitle", n.announcementTitle());
        b.add("createdAt", n.createdAt().toString());
        return Json.createObjectBuilder().add("type", "notification").add("notification", b)
                .add("unread", unread).build().toString();
    }

    private static void put(JsonObjectBuilder b, String name, Object value) {
        if (value instanceof Long l) {
            b.add(name, l);
        } else if (value != null) {
            b.add(name, value.toString());
        }
    }
}
