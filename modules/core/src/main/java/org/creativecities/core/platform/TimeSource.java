package org.creativecities.core.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The one clock of the core; everything it stores is in UTC, to the microsecond. */
@ApplicationScoped
public class TimeSource {

    private final Clock clock = Clock.systemUTC();

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    public Clock clock() {
        return clock;
    }
}
