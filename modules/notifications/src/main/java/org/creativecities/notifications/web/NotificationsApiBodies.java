package org.creativecities.notifications.web;

import java.util.List;
import org.creativecities.core.openapi.ApiBodies;
import org.creativecities.notifications.app.AnnouncementDtos;
import org.creativecities.notifications.app.NotificationDtos;

/** The notification centre's bodies, for the OpenAPI document (a Java service, see {@link ApiBodies}). */
public class NotificationsApiBodies implements ApiBodies {

    @Override
    public List<Class<?>> holders() {
        return List.of(NotificationDtos.class, AnnouncementDtos.class,
                org.creativecities.notifications.mail.MailDtos.class);
    }
}
