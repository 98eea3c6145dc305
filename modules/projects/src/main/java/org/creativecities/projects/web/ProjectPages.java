package org.creativecities.projects.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.creativecities.core.platform.web.PublicPages;

/** The projects' list, for the sitemap. */
@ApplicationScoped
public class ProjectPages implements PublicPages {

    @Override
    public List<String> paths() {
        return List.of("/projects");
    }
}
