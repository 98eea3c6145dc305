package org.creativecities.plugins.gastronomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The tasting state machine on its own: line-up, reveals, ballots, rounds and their results. */
class TastingTest {

    private static final Instant T0 = Instant.parse("2026-12-05T19:00:00Z");

    private static String code(Runnable r) {
        return assertThrows(TastingRefused.class, r::run).code();
    }

    private static Tasting twoDishes() {
        return Tasting.start(1, List.of("taste", "presentation")).addDish("Soup", "Leek").addDish("Tart", "");
    }

    @Test
    void dishesAreRevealedOneByOneInTheHostsOrderEachOpeningARound() {
        Tasting t = twoDishes();
        assertEquals(2, t.hidden().size());
        assertTrue(t.revealed().isEmpty());
        assertEquals("no-round", code(t::closeRound));

        Tasting first = t.reveal(T0, Optional.empty());
        assertEquals("Soup", first.openDish().orElseThrow().name());
        assertEquals(1, first.openDish().orElseThrow().number());
        assertEquals(List.of("Tart"), first.hidden().stream().map(Tasting.Dish::name).toList());
        assertEquals("round-open", code(() -> first.reveal(T0, Optional.empty())));
        assertEquals("already-revealed", code(() -> first.removeDish("d1")));
        assertEquals("criteria-locked", code(() -> first.withCriteria(List.of("smell"))));

        Tasting second = first.closeRound().reveal(T0, Optional.of(Duration.ofSeconds(90)));
        assertEquals(2, second.openDish().orElseThrow().number());
        assertEquals(Optional.of(T0.plusSeconds(90)), second.openDish().orElseThrow().closesAt());
        assertEquals("no-dish", code(() -> second.closeRound().reveal(T0, Optional.empty())));
        assertEquals(List.of("d1", "d2"), second.revealed().stream().map(Tasting.Dish::id).toList());
    }

    @Test
    void ballotsCountLiveAndAreDroppedWhenTheRoundClosesLeavingOnlyTheResults() {
        Tasting open = twoDishes().reveal(T0, Optional.empty())
                .rate(11, "Mo", "d1", Map.of("taste", 4, "presentation", 5), T0)
                .rate(12, "Li", "d1", Map.of("taste", 5), T0)
                .rate(11, "Mo", "d1", Map.of("taste", 5), T0);
        Results live = open.openDish().orElseThrow().tally(open.criteria());
        assertEquals(2, live.ballots());
        assertEquals(List.of(0, 0, 0, 0, 2), live.criteria().get(0).counts(), "Mo changed 4 to 5");
        assertEquals(List.of(0, 0, 0, 0, 1), live.criteria().get(1).counts(), "Mo's presentation is kept");
        assertEquals(Map.of("taste", 5, "presentation", 5), open.openDish().orElseThrow().ballots().get(11L).scores());

        Tasting closed = open.closeRound();
        Tasting.Dish dish = closed.dish("d1").orElseThrow();
        assertEquals(Tasting.Dish.Status.CLOSED, dish.status());
        assertTrue(dish.ballots().isEmpty(), "who rated what is not kept past the close");
        assertEquals(Optional.of(5.0), dish.results().orElseThrow().score());
        assertEquals("round-closed", code(() -> closed.rate(13, "Zo", "d1", Map.of("taste", 3), T0)));
        assertFalse(dish.announced());
        assertTrue(closed.announced("d1").dish("d1").orElseThrow().announced());
    }

    @Test
    void badBallotsAreRefusedWithTheirOwnCodes() {
        Tasting open = twoDishes().reveal(T0, Optional.of(Duration.ofSeconds(60)));
        assertEquals("bad-score", code(() -> open.rate(11, "Mo", "d1", Map.of("taste", 6), T0)));
        assertEquals("bad-score", code(() -> open.rate(11, "Mo", "d1", Map.of("taste", 0), T0)));
        assertEquals("bad-score", code(() -> open.rate(11, "Mo", "d1", Map.of(), T0)));
        assertEquals("bad-criterion", code(() -> open.rate(11, "Mo", "d1", Map.of("smell", 3), T0)));
        assertEquals("unknown-dish", code(() -> open.rate(11, "Mo", "d9", Map.of("taste", 3), T0)));
        assertEquals("round-closed", code(() -> open.rate(11, "Mo", "d2", Map.of("taste", 3), T0)),
                "a hidden dish cannot be rated");
        assertEquals("round-closed", code(() -> open.rate(11, "Mo", "d1", Map.of("taste", 3), T0.plusSeconds(60))),
                "past the deadline, before the timer closed it");
        assertEquals("bad-timer", code(() -> twoDishes().reveal(T0, Optional.of(Duration.ofHours(2)))));
    }

    @Test
    void theHostChoosesSensibleCriteriaAndDishes() {
        assertEquals("bad-criteria", code(() -> Tasting.start(1, List.of())));
        assertEquals("bad-criteria", code(() -> Tasting.start(1, List.of("taste", " taste "))));
        assertEquals("bad-criteria", code(() -> Tasting.start(1, List.of("a", "b", "c", "d", "e", "f", "g"))));
        assertEquals(List.of("smell"), twoDishes().withCriteria(List.of(" smell ")).criteria());
        assertEquals("bad-dish", code(() -> twoDishes().addDish("  ", "")));
        assertEquals("bad-dish", code(() -> twoDishes().addDish("x".repeat(Tasting.MAX_NAME + 1), "")));
        Tasting full = Tasting.start(1, Tasting.DEFAULT_CRITERIA);
        for (int i = 0; i < Tasting.MAX_DISHES; i++) {
            full = full.addDish("Dish " + i, "");
        }
        Tasting all = full;
        assertEquals("too-many-dishes", code(() -> all.addDish("One more", "")));
        assertEquals(List.of("d2"), twoDishes().removeDish("d1").dishes().stream().map(Tasting.Dish::id).toList());
        assertEquals("unknown-dish", code(() -> twoDishes().removeDish("d7")));
    }

    @Test
    void resultsAverageEachCriterionAndScoreTheirMean() {
        Results r = Results.of(List.of("taste", "presentation"), List.of(
                new Tasting.Ballot("a", Map.of("taste", 5, "presentation", 4)),
                new Tasting.Ballot("b", Map.of("taste", 4, "presentation", 4)),
                new Tasting.Ballot("c", Map.of("taste", 5))));
        assertEquals(Optional.of(4.7), r.criteria().get(0).average());
        assertEquals(Optional.of(4.0), r.criteria().get(1).average());
        assertEquals(Optional.of(4.4), r.score(), "(4.7 + 4.0) / 2, to one decimal");
        assertEquals(Optional.empty(), Results.of(List.of("taste"), List.of()).score());
    }

    @Test
    void theStoredFormKeepsEverything() {
        Tasting t = twoDishes().reveal(T0, Optional.of(Duration.ofSeconds(30)))
                .rate(11, "Mo", "d1", Map.of("taste", 4), T0).closeRound().announced("d1")
                .reveal(T0, Optional.empty()).rate(12, "Li", "d2", Map.of("presentation", 2), T0);
        assertEquals(t, TastingJson.load(TastingJson.store(t)));
    }
}
