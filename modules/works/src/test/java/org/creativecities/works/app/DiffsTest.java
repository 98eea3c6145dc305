package org.creativecities.works.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.creativecities.works.app.WorkDtos.DiffView;
import org.creativecities.works.app.WorkDtos.WordChange;
import org.creativecities.works.domain.WorkVersion;
import org.junit.jupiter.api.Test;

class DiffsTest {

    private static WorkVersion version(int n, String text) {
        return new WorkVersion(1, n, "t", WorkVersion.MARKDOWN, text, null, Set.of(1L), OffsetDateTime.now());
    }

    @Test
    void linesThenWordsInsideChangedLines() {
        DiffView diff = Diffs.diff(version(1, "a quick fox\nsame\nold end"), version(2, "a slow fox\nsame\nnew"));
        assertEquals(2, diff.changes().size());
        assertEquals("change", diff.changes().get(0).type());
        assertEquals(List.of(new WordChange("equal", "a ", null), new WordChange("change", "quick", "slow"),
                new WordChange("equal", " fox", null)), diff.changes().get(0).words());
        assertEquals(3, diff.changes().get(1).fromLine());
        assertEquals(2, diff.added());
        assertEquals(2, diff.removed());
    }

    @Test
    void identicalVersionsHaveNoChanges() {
        assertEquals(List.of(), Diffs.diff(version(1, "x\ny"), version(2, "x\ny")).changes());
    }

    @Test
    void wordsInsertedAndDeleted() {
        assertEquals(List.of(new WordChange("equal", "one ", null), new WordChange("insert", null, "two "),
                new WordChange("equal", "three", null)), Diffs.words("one three", "one two three"));
        assertEquals(List.of(new WordChange("equal", "keep", null), new WordChange("delete", " this", null)),
                Diffs.words("keep this", "keep"));
    }
}
