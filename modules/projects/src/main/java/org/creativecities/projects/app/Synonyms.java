package org.creativecities.projects.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.creativecities.core.platform.AdminChange;
import org.creativecities.projects.ProjectsException;
import org.creativecities.projects.domain.NeedRepository;
import org.creativecities.projects.domain.SynonymGroup;

/**
 * The near-synonyms matching uses: the list shipped with the application ({@code synonyms.txt} beside this
 * context's classes), and the groups administrators add, stored in the context's schema.
 */
@ApplicationScoped
public class Synonyms {

    static final String SHIPPED = "/org/creativecities/projects/synonyms.txt";
    static final int MAX_GROUPS = 500;
    static final int MAX_TERMS = 20;
    static final int MAX_TERM = 60;

    private final List<List<String>> shipped = load();

    @Inject
    private NeedRepository needs;

    @Inject
    private Event<AdminChange> audit;

    private static List<List<String>> load() {
        try (InputStream in = Synonyms.class.getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException("The synonym list " + SHIPPED + " is missing from the build");
            }
            return List.copyOf(SkillTerms.parse(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped groups and the administrators' together, for one round of matching. */
    @Transactional
    public SkillTerms terms() {
        List<List<String>> all = new ArrayList<>(shipped);
        all.addAll(added());
        return new SkillTerms(all);
    }

    @Transactional
    public ProjectDtos.Synonyms view() {
        return new ProjectDtos.Synonyms(shipped, added());
    }

    /** Replaces the administrators' groups: each of 2 to 20 terms of 1 to 60 characters, without '|'. */
    @Transactional
    public ProjectDtos.Synonyms replace(ProjectDtos.SynonymsUpdate body) {
        if (body == null || body.groups() == null) {
            throw ProjectsException.invalid("groups", "A list of groups, each a list of terms.");
        }
        if (body.groups().size() > MAX_GROUPS) {
            throw ProjectsException.invalid("groups", "At most " + MAX_GROUPS + " groups.");
        }
        List<SynonymGroup> rows = new ArrayList<>();
        for (int i = 0; i < body.groups().size(); i++) {
            rows.add(new SynonymGroup(i, group("groups[" + i + "]", body.groups().get(i))));
        }
        String before = describe(added());
        needs.replaceSynonymGroups(rows);
        ProjectDtos.Synonyms now = view();
        audit.fire(new AdminChange("projects.synonyms", "skill synonyms", before, describe(now.groups())));
        return now;
    }

    private static List<String> group(String name, List<String> terms) {
        if (terms == null || terms.size() < 2 || terms.size() > MAX_TERMS) {
            throw ProjectsException.invalid(name, "Between 2 and " + MAX_TERMS + " terms.");
        }
        List<String> out = new ArrayList<>();
        for (int j = 0; j < terms.size(); j++) {
            String term = terms.get(j) == null ? "" : terms.get(j).strip();
            if (term.isEmpty() || term.length() > MAX_TERM || term.contains("|")
                    || SkillTerms.fold(term).isEmpty()) {
                throw ProjectsException.invalid(name + "[" + j + "]", "A term of 1 to " + MAX_TERM
                        + " characters, with a letter or digit, without '|'.");
            }
            out.add(term);
        }
        return out;
    }

    private static String describe(List<List<String>> groups) {
        return groups.stream().map(g -> String.join(" | ", g)).collect(Collectors.joining("; "));
    }

    private List<List<String>> added() {
        return needs.synonymGroups().stream().map(SynonymGroup::terms).toList();
    }
}
