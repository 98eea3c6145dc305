package org.creativecities.projects.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.projects.ProjectsException;
import org.creativecities.projects.app.ProjectDtos.NeedView;
import org.creativecities.projects.app.ProjectDtos.NewNeed;
import org.creativecities.projects.domain.Need;
import org.creativecities.projects.domain.NeedRepository;
import org.creativecities.projects.domain.Project;

/** A project's needs for expertise: its leads post them, everyone reads them, its members see their matches. */
@ApplicationScoped
public class Needs {

    static final int MAX_SKILL = 100;
    static final int MAX_DESCRIPTION = 2000;
    static final int MAX_LANGUAGES = 10;
    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2,3}(-[A-Z]{2})?$");

    @Inject
    private NeedRepository needs;

    @Inject
    private ProjectService projects;

    @Inject
    private ProjectAccess access;

    @Inject
    private ProjectInput input;

    @Inject
    private ProjectViews views;

    @Inject
    private TimeSource time;

    @Transactional
    public NeedView post(Caller.Identity who, long projectId, NewNeed body) {
        Project project = projects.get(projectId);
        access.requireLead(who, project);
        if (body == null) {
            throw ProjectsException.invalid("skill", "A need names the skill it looks for.");
        }
        String skill = ProjectInput.text("skill", body.skill(), MAX_SKILL);
        if (SkillTerms.fold(skill).isEmpty()) {
            throw ProjectsException.invalid("skill", "A skill with a letter or a digit.");
        }
        String description = body.description() == null || body.description().isBlank() ? null
                : ProjectInput.text("description", body.description(), MAX_DESCRIPTION);
        Set<Long> fields = body.fields() == null || body.fields().isEmpty() ? project.fieldIds()
                : input.fields(body.fields());
        Long cityId = body.city() == null || body.city().isBlank() ? null : input.city("city", body.city()).id();
        Need need = needs.add(new Need(projectId, skill, description, fields, languages(body.languages()), cityId,
                who.id(), time.now()));
        return view(need);
    }

    @Transactional
    public List<NeedView> list(long projectId) {
        projects.get(projectId);
        return needs.ofProject(projectId).stream().map(this::view).toList();
    }

    /** The need, for a member of its project (who may see its matches). */
    @Transactional
    public Need forMatching(Caller.Identity who, long projectId, long needId) {
        Project project = projects.get(projectId);
        access.requireMember(who, project);
        return needs.find(projectId, needId)
                .orElseThrow(() -> ProjectsException.notFound("Need", Long.toString(needId)));
    }

    private static Set<String> languages(List<String> raw) {
        if (raw == null) {
            return Set.of();
        }
        if (raw.size() > MAX_LANGUAGES) {
            throw ProjectsException.invalid("languages", "At most " + MAX_LANGUAGES + " languages.");
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String code = raw.get(i);
            if (code == null || !LANGUAGE.matcher(code).matches()) {
                throw ProjectsException.invalid("languages[" + i + "]", "A language code such as 'fr' or 'pt-BR'.");
            }
            out.add(code);
        }
        return out;
    }

    private NeedView view(Need n) {
        return new NeedView(n.id(), n.skill(), n.description().orElse(null), views.fieldSlugs(n.fieldIds()),
                People.sorted(n.languages()), n.cityId().map(List::of).map(views::cityRefs)
                        .flatMap(l -> l.stream().findFirst()).orElse(null), n.createdAt(),
                "/api/projects/" + n.projectId() + "/needs/" + n.id() + "/matches");
    }

    static Optional<String> primary(String language) {
        return Optional.ofNullable(language).map(l -> l.split("-")[0]);
    }
}
