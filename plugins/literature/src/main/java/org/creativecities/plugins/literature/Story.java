package org.creativecities.plugins.literature;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A round-robin story's state, immutable. People join the rota while it gathers or later; the host starts it (the
 * story's work is created then); the turn passes in the rota's order, after each contribution, when the one whose
 * turn it is passes, or when their time is up ({@link #timedOut}). {@code turn} counts the turns begun, so a timer set
 * for turn {@code n} knows whether its turn is still running.
 *
 * @param title        the story's title
 * @param status       {@code gathering}, {@code writing} or {@code ended}
 * @param rota         the participants in turn order
 * @param holder       the index in {@code rota} of the one whose turn it is (writing only)
 * @param turn         the number of the current turn, from 1 (0 before the start)
 * @param deadline     when the current turn times out (writing only)
 * @param workId       the story's work (0 before the start)
 * @param contributions how many contributions the story has
 */
record Story(String title, String status, List<Participant> rota, int holder, long turn, Instant deadline,
             long workId, int contributions) {

    static final String GATHERING = "gathering";
    static final String WRITING = "writing";
    static final String ENDED = "ended";

    /** The most participants in a rota. */
    static final int MAX_ROTA = 50;

    /** A participant. */
    record Participant(long accountId, String name) {
    }

    Story {
        rota = List.copyOf(rota);
    }

    /** A story that gathers its participants. */
    static Story gather(String title) {
        return new Story(checkedTitle(title), GATHERING, List.of(), 0, 0, null, 0, 0);
    }

    boolean writing() {
        return WRITING.equals(status);
    }

    /** The one whose turn it is, while writing. */
    Optional<Participant> current() {
        return writing() && !rota.isEmpty() ? Optional.of(rota.get(holder)) : Optional.empty();
    }

    /** Someone joins the rota at its end. */
    Story join(Person who) {
        if (ENDED.equals(status)) {
            throw new LiteratureRefused("story-ended", "This story has ended.");
        }
        if (inRota(who.accountId())) {
            throw new LiteratureRefused("already-in-rota", "You are already in the rota.");
        }
        if (rota.size() >= MAX_ROTA) {
            throw new LiteratureRefused("rota-full", "The rota has its " + MAX_ROTA + " participants.");
        }
        List<Participant> next = new ArrayList<>(rota);
        next.add(new Participant(who.accountId(), who.name()));
        return new Story(title, status, next, holder, turn, deadline, workId, contributions);
    }

    /** Someone leaves the rota; if it was their turn, the next one's turn begins. */
    Story leave(long accountId, Instant now, Duration turnTime) {
        int index = indexOf(accountId);
        if (index < 0) {
            throw new LiteratureRefused("not-in-rota", "You are not in the rota.");
        }
        List<Participant> next = new ArrayList<>(rota);
        next.remove(index);
        if (!writing()) {
            return new Story(title, status, next, 0, turn, deadline, workId, contributions);
        }
        if (next.isEmpty()) {
            return new Story(title, ENDED, next, 0, turn, null, workId, contributions);
        }
        if (index == holder) {
            return new Story(title, status, next, holder % next.size(), turn + 1, now.plus(turnTime), workId,
                    contributions);
        }
        return new Story(title, status, next, index < holder ? holder - 1 : holder, turn, deadline, workId,
                contributions);
    }

    /** The host starts the writing: the first in the rota has the first turn. */
    Story start(Person who, long newWorkId, Instant now, Duration turnTime) {
        requireStartable(who);
        return new Story(title, WRITING, rota, 0, 1, now.plus(turnTime), newWorkId, 0);
    }

    /** Refuses a start by anyone but the host, of a story already started, or with nobody in the rota. */
    void requireStartable(Person who) {
        if (!who.host()) {
            throw new LiteratureRefused("not-host", "Only the story's host starts it.");
        }
        if (!GATHERING.equals(status)) {
            throw new LiteratureRefused("already-started", "This story has already started.");
        }
        if (rota.isEmpty()) {
            throw new LiteratureRefused("no-participants", "Nobody is in the rota yet.");
        }
    }

    /** Refuses unless it is {@code who}'s turn to write now. */
    void requireTurn(long accountId, Instant now) {
        if (!writing()) {
            throw new LiteratureRefused(ENDED.equals(status) ? "story-ended" : "not-started",
                    ENDED.equals(status) ? "This story has ended." : "The story has not started yet.");
        }
        Participant p = rota.get(holder);
        if (p.accountId() != accountId) {
            throw new LiteratureRefused("not-your-turn", "It is " + p.name() + "'s turn to write.");
        }
        if (!now.isBefore(deadline)) {
            throw new LiteratureRefused("turn-over", "Your time for this turn is up.");
        }
    }

    /** The one whose turn it is wrote their part: the next one's turn begins. */
    Story written(long accountId, Instant now, Duration turnTime) {
        requireTurn(accountId, now);
        return next(now, turnTime, contributions + 1);
    }

    /** The one whose turn it is passes without writing. */
    Story pass(long accountId, Instant now, Duration turnTime) {
        requireTurn(accountId, now);
        return next(now, turnTime, contributions);
    }

    /**
     * Turn {@code timedOutTurn}'s time is up (its timer came due): the next one's turn begins now, unless that turn is
     * already over (a second delivery, a turn written or passed meanwhile).
     */
    Optional<Story> timedOut(long timedOutTurn, Instant now, Duration turnTime) {
        if (!writing() || turn != timedOutTurn) {
            return Optional.empty();
        }
        return Optional.of(next(now, turnTime, contributions));
    }

    /**
     * The story as it is at {@code now}: every turn whose time is over has passed to the next person, each turn
     * lasting {@code turnTime} from the end of the one before. The time-out timer does this when it comes due; the
     * room does it too before each action and view, so that a late or missing timer never leaves a turn stuck.
     */
    Story catchUp(Instant now, Duration turnTime) {
        if (!writing() || now.isBefore(deadline)) {
            return this;
        }
        long steps = 1 + Duration.between(deadline, now).toMillis() / Math.max(1, turnTime.toMillis());
        return new Story(title, status, rota, (int) ((holder + steps) % rota.size()), turn + steps,
                deadline.plus(turnTime.multipliedBy(steps)), workId, contributions);
    }

    /** The host ends the story. */
    Story end(Person who) {
        if (!who.host()) {
            throw new LiteratureRefused("not-host", "Only the story's host ends it.");
        }
        if (ENDED.equals(status)) {
            throw new LiteratureRefused("story-ended", "This story has ended.");
        }
        return new Story(title, ENDED, rota, 0, turn, null, workId, contributions);
    }

    private Story next(Instant now, Duration turnTime, int newContributions) {
        return new Story(title, status, rota, (holder + 1) % rota.size(), turn + 1, now.plus(turnTime), workId,
                newContributions);
    }

    private boolean inRota(long accountId) {
        return indexOf(accountId) >= 0;
    }

    private int indexOf(long accountId) {
        for (int i = 0; i < rota.size(); i++) {
            if (rota.get(i).accountId() == accountId) {
                return i;
            }
        }
        return -1;
    }

    /** A story's title: 1 to 200 characters, one line. */
    static String checkedTitle(String title) {
        String t = title == null ? "" : title.strip();
        if (t.isEmpty()) {
            return "A round-robin story";
        }
        if (t.length() > Circle.MAX_TITLE || t.contains("\n")) {
            throw new LiteratureRefused("bad-title", "A title is one line of at most " + Circle.MAX_TITLE
                    + " characters.");
        }
        return t;
    }

    /** A contribution's text: 1 to {@code max} characters once trimmed. */
    static String contribution(String text, long max) {
        if (text == null || text.isBlank()) {
            throw new LiteratureRefused("bad-text", "Write something first, or pass your turn.");
        }
        String t = text.strip();
        if (t.length() > max) {
            throw new LiteratureRefused("bad-text", "A turn is at most " + max + " characters.");
        }
        return t;
    }
}
