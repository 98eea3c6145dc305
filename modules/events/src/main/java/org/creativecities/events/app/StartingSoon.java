package org.creativecities.events.app;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A CDI event that the events context fires (inside the transaction that records the reminders) when an occurrence
 * of a published event starts within the configured lead time: the people who answered it and were not yet
 * reminded of this occurrence. An observer may write in that transaction (the notification centre stores its
 * notifications there, so that a reminder recorded is a reminder stored) and act after it commits; it is the events
 * context's one published event, and the notification centre is the context that observes it (events never know who
 * listens).
 *
 * @param eventId    the event
 * @param title      its title
 * @param start      the occurrence's start (UTC)
 * @param end        the occurrence's end (UTC)
 * @param accountIds who to remind, each once per occurrence
 */
public record StartingSoon(long eventId, String title, OffsetDateTime start, OffsetDateTime end,
                           List<Long> accountIds) {

    public StartingSoon {
        accountIds = List.copyOf(accountIds);
    }
}
