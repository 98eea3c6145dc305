package org.creativecities.projects.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.projects.ProjectsException;
import org.creativecities.projects.app.ProjectDtos.MilestoneView;
import org.creativecities.projects.app.ProjectDtos.NewMilestone;
import org.creativecities.projects.domain.Milestone;
import org.creativecities.projects.domain.Project;
import org.creativecities.projects.domain.ProjectRepository;

/** A project's milestones: its leads add them, everyone reads them; the next one shows on the project. */
@ApplicationScoped
public class Milestones {

    @Inject
    private ProjectRepository projects;

    @Inject
    private ProjectService service;

    @Inject
    private ProjectAccess access;

    @Inject
    private TimeSource time;

    @Transactional
    public MilestoneView add(Caller.Identity who, long projectId, NewMilestone body) {
        Project project = service.get(projectId);
        access.requireLead(who, project);
        if (body == null) {
            throw ProjectsException.invalid("title", "A milestone has a title and a date.");
        }
        String title = ProjectInput.text("title", body.title(), ProjectInput.MAX_TITLE);
        return view(projects.addMilestone(new Milestone(projectId, title, date(body.date()), who.id(), time.now())));
    }

    @Transactional
    public List<MilestoneView> list(long projectId) {
        service.get(projectId);
        return projects.milestones(projectId).stream().map(Milestones::view).toList();
    }

    /** The first milestone due today (UTC) or later. */
    public Optional<MilestoneView> next(long projectId) {
        LocalDate today = time.now().atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        return projects.nextMilestone(projectId, today).map(Milestones::view);
    }

    private static LocalDate date(String raw) {
        if (raw == null || raw.length() != 10) {
            throw ProjectsException.invalid("date", "An ISO date, e.g. 2027-05-01.");
        }
        try {
            LocalDate d = LocalDate.parse(raw);
            if (d.getYear() < 1900 || d.getYear() > 2200) {
                throw ProjectsException.invalid("date", "A year between 1900 and 2200.");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw ProjectsException.invalid("date", "An ISO date, e.g. 2027-05-01.");
        }
    }

    static MilestoneView view(Milestone m) {
        return new MilestoneView(m.id(), m.title(), m.dueOn().toString());
    }
}
