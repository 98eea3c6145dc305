package org.creativecities.plugins.literature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The reading circle's state machine on its own: chapters, progress and the rule of who sees which thread. */
class CircleTest {

    private static final Person HOST = new Person(1, "Ana", true);
    private static final Person BEA = new Person(2, "Bea", false);

    private static String refusal(Runnable r) {
        return assertThrows(LiteratureRefused.class, r::run).code();
    }

    @Test
    void aChaptersThreadIsForThoseWhoReachedItOnly() {
        Circle c = Circle.start("Dune", List.of("One", "Two", "Three")).reach(1, "Ana", 3).reach(2, "Bea", 2);
        c.requireReached(1, 3);
        c.requireReached(2, 2);
        assertEquals("chapter-not-reached", refusal(() -> c.requireReached(2, 3)));
        assertEquals("chapter-not-reached", refusal(() -> c.requireReached(7, 1)));
        assertEquals("bad-chapter", refusal(() -> c.requireReached(1, 4)));
        assertEquals(List.of(1L), c.readersOf(3));
        assertEquals(List.of(1L, 2L), c.readersOf(1));
    }

    @Test
    void goingBackHidesTheThreadsAheadAgain() {
        Circle c = Circle.start("Dune", List.of("One", "Two")).reach(2, "Bea", 2).reach(2, "Bea", 1);
        assertEquals("chapter-not-reached", refusal(() -> c.requireReached(2, 2)));
    }

    @Test
    void onlyTheHostSetsUpChaptersAndNeverBelowWhatSomeoneReached() {
        Circle c = Circle.start("", List.of()).withChapters(HOST, "Dune", List.of("One", "Two", "Three"));
        assertEquals("not-host", refusal(() -> c.withChapters(BEA, null, List.of("x"))));
        Circle read = c.reach(2, "Bea", 3);
        assertEquals("bad-chapters", refusal(() -> read.withChapters(HOST, null, List.of("One", "Two"))));
        assertEquals("bad-chapters", refusal(() -> read.withChapters(HOST, null, List.of("One", " ", "Three"))));
        assertEquals(List.of("I", "II", "III", "IV"),
                read.withChapters(HOST, null, List.of("I", "II", "III", "IV")).chapters());
        assertEquals("no-chapters", refusal(() -> Circle.start("", List.of()).reach(2, "Bea", 1)));
        assertEquals("bad-chapter", refusal(() -> c.reach(2, "Bea", 4)));
    }

    @Test
    void aPostIsOneToTwoThousandCharacters() {
        assertEquals("bad-text", refusal(() -> Circle.postText("  ")));
        assertEquals("bad-text", refusal(() -> Circle.postText("x".repeat(Circle.MAX_POST + 1))));
        assertEquals("hi", Circle.postText(" hi "));
    }
}
