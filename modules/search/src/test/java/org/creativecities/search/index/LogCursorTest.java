package org.creativecities.search.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LogCursorTest {

    private static final long TIMEOUT = 1_000;

    private static ChangeLog.Row row(long id) {
        return new ChangeLog.Row(id, "message", "1-" + id, "node");
    }

    private static List<Long> ids(List<ChangeLog.Row> rows) {
        return rows.stream().map(ChangeLog.Row::id).toList();
    }

    @Test
    void rowsAfterTheStartAreHandedOutOnceInIdOrder() {
        LogCursor cursor = new LogCursor(10, TIMEOUT, 100);
        assertEquals(List.of(11L, 12L), ids(cursor.accept(List.of(row(12), row(11), row(10)), 0)));
        assertEquals(List.of(), ids(cursor.accept(List.of(row(11), row(12)), 1)));
        assertEquals(12, cursor.highest());
        assertEquals(Set.of(), cursor.holes());
    }

    @Test
    void anIdSkippedBecauseItsTransactionCommittedLaterIsTakenWhenItAppears() {
        LogCursor cursor = new LogCursor(0, TIMEOUT, 100);
        assertEquals(List.of(1L, 4L), ids(cursor.accept(List.of(row(1), row(4)), 0)));
        assertEquals(Set.of(2L, 3L), cursor.holes());
        assertEquals(List.of(3L, 5L), ids(cursor.accept(List.of(row(3), row(5)), 10)));
        assertEquals(Set.of(2L), cursor.holes());
        assertEquals(List.of(2L), ids(cursor.accept(List.of(row(2)), 20)));
        assertEquals(Set.of(), cursor.holes());
    }

    @Test
    void anIdThatNeverAppearsIsGivenUpAfterTheTimeout() {
        LogCursor cursor = new LogCursor(0, TIMEOUT, 100);
        cursor.accept(List.of(row(2)), 0);
        assertEquals(0, cursor.expire(TIMEOUT));
        assertEquals(1, cursor.expire(TIMEOUT + 1));
        assertEquals(Set.of(), cursor.holes());
        assertEquals(List.of(), ids(cursor.accept(List.of(row(1)), TIMEOUT + 2)), "given up: not handed out late");
    }

    @Test
    void aHugeGapRemembersOnlyTheNewestHoles() {
        LogCursor cursor = new LogCursor(0, TIMEOUT, 3);
        cursor.accept(List.of(row(1_000)), 0);
        assertEquals(Set.of(997L, 998L, 999L), cursor.holes());
    }
}
