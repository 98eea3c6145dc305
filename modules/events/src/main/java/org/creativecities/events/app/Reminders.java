package org.creativecities.events.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.events.app.EventDtos.ReminderRun;
import org.creativecities.events.domain.EventRepository;
import org.creativecities.events.domain.Rsvp;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Finds the occurrences of published events that start within the lead time ({@code
 * ccc.events.starting-soon.lead-minutes}, 60) and reminds the people who answered going (and interested, unless
 * {@code ccc.events.starting-soon.include-interested} is false) that were not reminded of that occurrence yet: it
 * records one {@code event_reminder} row per person and occurrence, then fires {@link StartingSoon}. Everything it
 * knows is in the database, so a restart loses nothing and repeats nothing. Run it through {@link ReminderTimer},
 * which runs one scan at a time on this node. Several nodes scan the same database: a scan claims each event's row
 * before it looks at its reminders ({@link EventRepository#claimForReminders}) and skips an event another scan holds
 * (that scan reminds its people, or, if its node dies, the next scan does); the reminder rows and the notifications
 * of {@link StartingSoon} are written in the scan's transaction, so each person hears of an occurrence once.
 */
@ApplicationScoped
public class Reminders {

    /** Most events one scan considers, and occurrences of one event. */
    static final int MAX_EVENTS = 500;
    static final int MAX_OCCURRENCES = 50;

    @Inject
    private EventRepository events;

    @Inject
    private TimeSource time;

    @Inject
    private Event<StartingSoon> startingSoon;

    @Inject
    @ConfigProperty(name = "ccc.events.starting-soon.lead-minutes", defaultValue = "60")
    private int leadMinutes;

    @Inject
    @ConfigProperty(name = "ccc.events.starting-soon.include-interested", defaultValue = "true")
    private boolean includeInterested;

    @Transactional
    public ReminderRun scan() {
        OffsetDateTime now = time.now().withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime until = now.plus(Duration.ofMinutes(Math.max(1, leadMinutes)));
        List<Rsvp.State> states = includeInterested ? List.of(Rsvp.State.GOING, Rsvp.State.INTERESTED)
                : List.of(Rsvp.State.GOING);
        EventRepository.Query published = new EventRepository.Query(Optional.empty(), Optional.empty(), now, until,
                Optional.empty(), Set.of(), false, Optional.empty());
        int occurrences = 0;
        int reminded = 0;
        for (org.creativecities.events.domain.Event e : events.candidates(published, MAX_EVENTS)) {
            if (!e.isPublished() || !events.claimForReminders(e.id())) {
                continue;
            }
            for (Occurrences.Span span : Occurrences.between(e, now, until, MAX_OCCURRENCES)) {
                OffsetDateTime start = span.start().withOffsetSameInstant(ZoneOffset.UTC);
                if (start.isBefore(now) || start.isAfter(until)) {
                    continue;
                }
                occurrences++;
                List<Long> fresh = new ArrayList<>();
                for (long account : events.answering(e.id(), states)) {
                    if (events.remember(e.id(), start, account, now)) {
                        fresh.add(account);
                    }
                }
                if (!fresh.isEmpty()) {
                    reminded += fresh.size();
                    startingSoon.fire(new StartingSoon(e.id(), e.title(), start,
                            span.end().withOffsetSameInstant(ZoneOffset.UTC), fresh));
                }
            }
        }
        return new ReminderRun(occurrences, reminded);
    }
}
