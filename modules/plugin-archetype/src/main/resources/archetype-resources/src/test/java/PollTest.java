package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The poll's state machine on its own. */
class PollTest {

    @Test
    void membersVoteOnceWhileThePollIsOpen() {
        Poll poll = Poll.fresh().vote(1, "yes").vote(2, "no").vote(3, "yes");
        assertEquals(2, poll.yes());
        assertEquals(1, poll.no());
        assertEquals("already-voted", assertThrows(PollRefused.class, () -> poll.vote(1, "no")).code());
        assertEquals("bad-choice", assertThrows(PollRefused.class, () -> poll.vote(4, "maybe")).code());
    }

    @Test
    void onlyAModeratorClosesAndReopens() {
        Poll poll = Poll.fresh().vote(1, "yes");
        assertEquals("not-moderator", assertThrows(PollRefused.class, () -> poll.close(false)).code());
        Poll closed = poll.close(true);
        assertFalse(closed.open());
        assertEquals("poll-closed", assertThrows(PollRefused.class, () -> closed.vote(2, "no")).code());
        assertEquals(1, closed.reopen(true).vote(2, "no").no());
    }

    @Test
    void theStoredFormRoundTrips() {
        Poll poll = Poll.fresh().vote(7, "no").close(true);
        assertEquals(poll, Poll.fromJson(poll.toJson()));
    }
}
