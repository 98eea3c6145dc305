package org.creativecities.events.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.creativecities.core.platform.web.PublicPages;

/** The events calendar, for the sitemap. */
@ApplicationScoped
public class EventPages implements PublicPages {

    @Override
    public List<String> paths() {
        return List.of("/events");
    }
}
