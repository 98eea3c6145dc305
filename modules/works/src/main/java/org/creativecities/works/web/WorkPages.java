package org.creativecities.works.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.creativecities.core.platform.web.PublicPages;

/** The works' list, for the sitemap. */
@ApplicationScoped
public class WorkPages implements PublicPages {

    @Override
    public List<String> paths() {
        return List.of("/works");
    }
}
