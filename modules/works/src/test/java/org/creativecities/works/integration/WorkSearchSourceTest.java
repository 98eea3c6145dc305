package org.creativecities.works.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.util.Set;
import org.creativecities.works.domain.Licence;
import org.creativecities.works.domain.Work;
import org.junit.jupiter.api.Test;

class WorkSearchSourceTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-04T20:00:00Z");

    @Test
    void draftsAreFoundByTheirAuthorsOnly() {
        Work draft = new Work(Work.TEXT, "T", Licence.DEFAULT, 5, null, NOW);
        draft.addAuthor(9, null, NOW);
        assertEquals(Set.of("account:5", "account:9"), WorkSearchSource.audienceTokens(draft));
    }

    @Test
    void publishedWorksByEveryoneOrTheirSpacesReaders() {
        Work everyone = new Work(Work.TEXT, "T", Licence.DEFAULT, 5, null, NOW);
        everyone.publish(Work.Audience.EVERYONE, null, Licence.CC_BY, NOW);
        assertEquals(Set.of("public"), WorkSearchSource.audienceTokens(everyone));
        Work space = new Work(Work.TEXT, "T", Licence.DEFAULT, 5, null, NOW);
        space.publish(Work.Audience.SPACE, 12L, Licence.CC_BY, NOW);
        assertEquals(Set.of("space:12"), WorkSearchSource.audienceTokens(space));
    }
}
