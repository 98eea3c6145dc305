package org.creativecities.projects.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.creativecities.core.city.CatalogueSlugs;
import org.creativecities.core.city.City;
import org.creativecities.core.city.CreativeField;
import org.creativecities.core.live.SafeMarkdown;
import org.creativecities.projects.ProjectsException;

/** Checks a project's input, one field at a time, each failure a 400 naming the field. */
@ApplicationScoped
public class ProjectInput {

    static final int MAX_TITLE = 200;
    static final int MAX_CITIES = 20;
    static final int MAX_FIELDS = 8;

    @Inject
    private CatalogueSlugs catalogue;

    /** A required short text, stripped: a title, a skill. */
    public static String text(String field, String raw, int max) {
        if (raw == null || raw.isBlank()) {
            throw ProjectsException.invalid(field, "Required.");
        }
        String t = raw.strip();
        if (t.length() > max) {
            throw ProjectsException.invalid(field, "At most " + max + " characters.");
        }
        return t;
    }

    public String title(String raw) {
        return text("title", raw, MAX_TITLE);
    }

    /** The goal in Markdown (rendered with the core's renderer when shown). */
    public String goal(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ProjectsException.invalid("goal", "A project states its goal.");
        }
        if (raw.length() > SafeMarkdown.MAX_TEXT) {
            throw ProjectsException.invalid("goal", "At most " + SafeMarkdown.MAX_TEXT + " characters.");
        }
        return raw;
    }

    /** The cities' ids: one at least, active (not retired) cities, by slug. */
    public Set<Long> cities(List<String> slugs) {
        return catalogue.cities("cities", slugs, MAX_CITIES, ProjectsException::invalid);
    }

    /** The fields' ids, each checked against the core's field catalogue. */
    public Set<Long> fields(List<String> slugs) {
        return catalogue.fields("fields", slugs, MAX_FIELDS, ProjectsException::invalid);
    }

    public City city(String field, String slug) {
        return catalogue.city(field, slug, ProjectsException::invalid);
    }

    public CreativeField field(String name, String slug) {
        return catalogue.field(name, slug, ProjectsException::invalid);
    }
}
