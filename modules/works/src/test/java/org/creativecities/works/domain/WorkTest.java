package org.creativecities.works.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class WorkTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-04T20:00:00Z");

    @Test
    void aDeletionCanBeUndoneForThirtyDaysOnly() {
        Work work = new Work(Work.TEXT, "T", Licence.DEFAULT, 1, null, NOW);
        Duration window = Duration.ofDays(30);
        assertFalse(work.deletionUndoable(NOW, window), "not deleted");
        work.delete(2, NOW);
        assertTrue(work.deletionUndoable(NOW.plusDays(30), window));
        assertFalse(work.deletionUndoable(NOW.plusDays(30).plusSeconds(1), window));
    }

    @Test
    void theCreatorIsTheFirstAuthorAndAuthorsAreNeverDoubled() {
        Work work = new Work(Work.TEXT, "T", Licence.DEFAULT, 1, 7L, NOW);
        assertTrue(work.isCreator(1));
        assertTrue(work.addAuthor(2, null, NOW));
        assertFalse(work.addAuthor(2, null, NOW));
        assertFalse(work.isCreator(2));
        assertEquals(2, work.authors().size());
        assertEquals(WorkVersion.MARKDOWN, work.format());
        assertEquals(WorkVersion.JSON, new Work(Work.COLLECTION, "C", Licence.CC0, 1, null, NOW).format());
    }
}
