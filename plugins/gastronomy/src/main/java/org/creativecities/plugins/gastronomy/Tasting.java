package org.creativecities.plugins.gastronomy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A tasting session, the aggregate of the {@code tasting} room kind: the criteria the host chose, and the dishes in
 * the order the host lined them up. Immutable; every operation returns the next tasting or throws
 * {@link TastingRefused} with the error frame's code.
 *
 * <p>A dish is {@link Dish.Status#HIDDEN} (lined up, seen by the host only) until the host reveals it, which opens
 * its rating round ({@link Dish.Status#OPEN}, one round at a time, with an optional deadline); members rate it on
 * every criterion from 1 to {@value #SCALE}, and may change their ballot while the round is open. Closing the round
 * ({@link Dish.Status#CLOSED}) freezes its {@link Results} and drops the ballots: who rated what is never kept past
 * the close unless the room shows named ratings, which the room kind stores apart.
 *
 * @param host     the account that hosts the tasting (the room's creator)
 * @param criteria what dishes are rated on, in order (1 to {@value #MAX_CRITERIA}, unique)
 * @param nextId   the number of the next dish's id ({@code d<nextId>})
 * @param dishes   every dish, in the host's order
 */
public record Tasting(long host, List<String> criteria, int nextId, List<Dish> dishes) {

    /** The highest score; scores run from 1. */
    public static final int SCALE = 5;
    /** The most criteria a tasting rates. */
    public static final int MAX_CRITERIA = 6;
    /** The longest criterion name. */
    public static final int MAX_CRITERION = 40;
    /** The most dishes in one tasting. */
    public static final int MAX_DISHES = 40;
    /** The longest dish name. */
    public static final int MAX_NAME = 120;
    /** The longest dish description. */
    public static final int MAX_DESCRIPTION = 1000;
    /** The longest round timer. */
    public static final Duration MAX_ROUND = Duration.ofHours(1);
    /** The criteria of a tasting whose host chose none. */
    public static final List<String> DEFAULT_CRITERIA = List.of("taste", "presentation", "originality");

    public Tasting {
        criteria = List.copyOf(criteria);
        dishes = List.copyOf(dishes);
    }

    /** A new tasting with no dishes. */
    public static Tasting start(long host, List<String> criteria) {
        return new Tasting(host, checkedCriteria(criteria), 1, List.of());
    }

    /** The dish whose round is open, if any. */
    public Optional<Dish> openDish() {
        return dishes.stream().filter(d -> d.status() == Dish.Status.OPEN).findFirst();
    }

    /** The dishes still lined up, in order. */
    public List<Dish> hidden() {
        return dishes.stream().filter(d -> d.status() == Dish.Status.HIDDEN).toList();
    }

    /** The dishes revealed so far, in the order they were revealed. */
    public List<Dish> revealed() {
        return dishes.stream().filter(d -> d.status() != Dish.Status.HIDDEN)
                .sorted(java.util.Comparator.comparingInt(Dish::number)).toList();
    }

    /** The dish with this id. */
    public Optional<Dish> dish(String id) {
        return dishes.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** Lines up one more dish at the end, hidden from everyone but the host. */
    public Tasting addDish(String name, String description) {
        String n = name == null ? "" : name.strip();
        String d = description == null ? "" : description.strip();
        if (n.isEmpty() || n.length() > MAX_NAME) {
            throw new TastingRefused("bad-dish", "A dish needs a name of 1 to " + MAX_NAME + " characters.");
        }
        if (d.length() > MAX_DESCRIPTION) {
            throw new TastingRefused("bad-dish", "A dish's description has at most " + MAX_DESCRIPTION
                    + " characters.");
        }
        if (dishes.size() >= MAX_DISHES) {
            throw new TastingRefused("too-many-dishes", "A tasting has at most " + MAX_DISHES + " dishes.");
        }
        List<Dish> next = new ArrayList<>(dishes);
        next.add(Dish.hidden("d" + nextId, n, d));
        return new Tasting(host, criteria, nextId + 1, next);
    }

    /** Takes a dish that is still lined up out of the tasting. */
    public Tasting removeDish(String id) {
        Dish dish = known(id);
        if (dish.status() != Dish.Status.HIDDEN) {
            throw new TastingRefused("already-revealed", "Dish " + dish.number() + " has been revealed; it stays.");
        }
        return new Tasting(host, criteria, nextId, dishes.stream().filter(d -> !d.id().equals(id)).toList());
    }

    /** Chooses the criteria again; only before the first dish is revealed, so that every dish is rated alike. */
    public Tasting withCriteria(List<String> chosen) {
        if (!revealed().isEmpty()) {
            throw new TastingRefused("criteria-locked", "The criteria are fixed once the first dish is revealed.");
        }
        return new Tasting(host, checkedCriteria(chosen), nextId, dishes);
    }

    /**
     * Reveals the next dish in line and opens its rating round.
     *
     * @param timer how long the round stays open; empty (or zero) for a round the host closes
     */
    public Tasting reveal(Instant now, Optional<Duration> timer) {
        if (openDish().isPresent()) {
            throw new TastingRefused("round-open", "Close the round of dish " + openDish().get().number()
                    + " before revealing the next one.");
        }
        Dish next = hidden().stream().findFirst().orElseThrow(() ->
                new TastingRefused("no-dish", "Every dish has been revealed; line up another one first."));
        Optional<Duration> limit = timer.filter(t -> !t.isZero());
        if (limit.isPresent() && (limit.get().isNegative() || limit.get().compareTo(MAX_ROUND) > 0)) {
            throw new TastingRefused("bad-timer", "A round lasts from 1 second to " + MAX_ROUND.toMinutes()
                    + " minutes, or has no timer.");
        }
        Dish open = new Dish(next.id(), next.name(), next.description(), Dish.Status.OPEN, revealed().size() + 1,
                limit.map(now::plus), Map.of(), Optional.empty(), false);
        return replace(open);
    }

    /**
     * A member's ballot on the open dish: a score for some or all criteria, merged with their earlier ballot.
     *
     * @throws TastingRefused {@code unknown-dish}, {@code round-closed} (the dish is not the open one, or its
     *                        deadline passed), {@code bad-criterion}, {@code bad-score}
     */
    public Tasting rate(long accountId, String displayName, String dishId, Map<String, Integer> scores,
                        Instant now) {
        Dish dish = known(dishId);
        if (dish.status() != Dish.Status.OPEN || dish.closesAt().map(c -> !now.isBefore(c)).orElse(false)) {
            throw new TastingRefused("round-closed", dish.status() == Dish.Status.HIDDEN
                    ? "This dish has not been revealed yet." : "The round of dish " + dish.number() + " is closed.");
        }
        if (scores.isEmpty()) {
            throw new TastingRefused("bad-score", "Give at least one score, from 1 to " + SCALE + ".");
        }
        for (Map.Entry<String, Integer> s : scores.entrySet()) {
            if (!criteria.contains(s.getKey())) {
                throw new TastingRefused("bad-criterion", "This tasting does not rate '" + s.getKey() + "'.");
            }
            if (s.getValue() == null || s.getValue() < 1 || s.getValue() > SCALE) {
                throw new TastingRefused("bad-score", "Scores are whole numbers from 1 to " + SCALE + ".");
            }
        }
        Map<Long, Ballot> ballots = new LinkedHashMap<>(dish.ballots());
        Map<String, Integer> merged = new LinkedHashMap<>();
        Optional.ofNullable(ballots.get(accountId)).ifPresent(b -> merged.putAll(b.scores()));
        merged.putAll(scores);
        ballots.put(accountId, new Ballot(displayName, merged));
        return replace(dish.withBallots(ballots));
    }

    /**
     * Closes the open round: its results are frozen and its ballots dropped.
     *
     * @throws TastingRefused {@code no-round} when no round is open
     */
    public Tasting closeRound() {
        Dish dish = openDish().orElseThrow(() -> new TastingRefused("no-round", "No round is open."));
        return replace(new Dish(dish.id(), dish.name(), dish.description(), Dish.Status.CLOSED, dish.number(),
                Optional.empty(), Map.of(), Optional.of(Results.of(criteria, dish.ballots().values())), false));
    }

    /** The same tasting with the close of a dish announced in the room. */
    public Tasting announced(String dishId) {
        Dish d = known(dishId);
        return replace(new Dish(d.id(), d.name(), d.description(), d.status(), d.number(), d.closesAt(), d.ballots(),
                d.results(), true));
    }

    private Dish known(String id) {
        return dish(id).orElseThrow(() -> new TastingRefused("unknown-dish", "There is no dish '" + id + "'."));
    }

    private Tasting replace(Dish changed) {
        return new Tasting(host, criteria, nextId, dishes.stream()
                .map(d -> d.id().equals(changed.id()) ? changed : d).toList());
    }

    private static List<String> checkedCriteria(List<String> chosen) {
        if (chosen == null || chosen.isEmpty() || chosen.size() > MAX_CRITERIA) {
            throw new TastingRefused("bad-criteria", "Choose 1 to " + MAX_CRITERIA + " criteria.");
        }
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (String c : chosen) {
            String s = c == null ? "" : c.strip();
            if (s.isEmpty() || s.length() > MAX_CRITERION) {
                throw new TastingRefused("bad-criteria", "A criterion is 1 to " + MAX_CRITERION + " characters.");
            }
            if (!unique.add(s)) {
                throw new TastingRefused("bad-criteria", "The criterion '" + s + "' is there twice.");
            }
        }
        return List.copyOf(unique);
    }

    /**
     * One dish of a tasting.
     *
     * @param id          {@code d1}, {@code d2}…, never reused in a tasting
     * @param number      its place in the reveal order (1 for the first revealed), 0 while hidden
     * @param closesAt    when its open round closes by itself, if the host set a timer
     * @param ballots     who rated what, while its round is open (empty otherwise)
     * @param results     its frozen results, once closed
     * @param announced   whether its close was published into the room
     */
    public record Dish(String id, String name, String description, Status status, int number,
                       Optional<Instant> closesAt, Map<Long, Ballot> ballots, Optional<Results> results,
                       boolean announced) {

        /** Where a dish is in the session. */
        public enum Status { HIDDEN, OPEN, CLOSED }

        public Dish {
            Objects.requireNonNull(id, "id");
            ballots = Map.copyOf(ballots);
        }

        static Dish hidden(String id, String name, String description) {
            return new Dish(id, name, description, Status.HIDDEN, 0, Optional.empty(), Map.of(), Optional.empty(),
                    false);
        }

        Dish withBallots(Map<Long, Ballot> next) {
            return new Dish(id, name, description, status, number, closesAt, next, results, announced);
        }

        /** The live aggregate of an open round, or the frozen results of a closed one. */
        public Results tally(List<String> criteria) {
            return results.orElseGet(() -> Results.of(criteria, ballots.values()));
        }
    }

    /**
     * One member's ballot on the open dish.
     *
     * @param name   their display name when they rated (shown only if the room shows named ratings)
     * @param scores criterion → score
     */
    public record Ballot(String name, Map<String, Integer> scores) {

        public Ballot {
            scores = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scores));
        }
    }
}
