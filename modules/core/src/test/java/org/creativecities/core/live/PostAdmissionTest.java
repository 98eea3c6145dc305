package org.creativecities.core.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.creativecities.core.identity.Caller;
import org.junit.jupiter.api.Test;

class PostAdmissionTest {

    private static final Caller.Identity ANA = new Caller.Identity(1, "Ana", false, "h1");
    private static final Caller.Identity ANA_AS_ADMIN = new Caller.Identity(1, "Ana", true, "h2");

    private final AtomicLong now = new AtomicLong();
    /** The rights the database would give now, and how often it was asked. */
    private java.util.function.LongFunction<PostAdmission.Verdict> database = g -> new PostAdmission.Admitted(false, g);
    private final List<Long> reads = new ArrayList<>();

    private final PostAdmission admission = new PostAdmission(now::get) {
        @Override
        Verdict read(Caller.Identity who, long roomId, long generation) {
            reads.add(roomId);
            return database.apply(generation);
        }
    };

    private void advanceMillis(long ms) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(ms));
    }

    @Test
    void rightsAreReadOncePerPersonAndRoomWithinTheirLifetime() {
        admission.admit(ANA, 7);
        admission.admit(ANA, 7);
        advanceMillis(PostAdmission.TTL_MILLIS - 1);
        admission.admit(ANA, 7);
        assertEquals(List.of(7L), reads);
        admission.admit(ANA, 8);
        admission.admit(ANA_AS_ADMIN, 7);
        assertEquals(List.of(7L, 8L, 7L), reads, "another room, or the same person with other powers, is read");
    }

    @Test
    void rightsAreReadAgainOnceTheyAreOld() {
        admission.admit(ANA, 7);
        advanceMillis(PostAdmission.TTL_MILLIS);
        database = g -> new PostAdmission.Refused(new LiveException(LiveError.FORBIDDEN, "muted"), g);
        assertInstanceOf(PostAdmission.Refused.class, admission.admit(ANA, 7));
        assertEquals(2, reads.size());
    }

    @Test
    void aChangeThatDecidesRightsAppliesToTheNextPostAndMakesQueuedVerdictsStale() {
        PostAdmission.Verdict queued = admission.admit(ANA, 7);
        assertInstanceOf(PostAdmission.Admitted.class, queued);
        assertEquals(true, admission.current(queued));
        database = g -> new PostAdmission.Refused(new LiveException(LiveError.FORBIDDEN, "muted"), g);
        admission.forgetAll();
        assertEquals(false, admission.current(queued), "the room's writer admits a waiting post again");
        assertInstanceOf(PostAdmission.Refused.class, admission.admit(ANA, 7));
    }

    @Test
    void theCacheStartsAgainWhenFull() {
        for (int i = 0; i < PostAdmission.MAX_ENTRIES; i++) {
            admission.admit(new Caller.Identity(i, "P" + i, false, "h"), 7);
        }
        admission.admit(ANA, 8);
        admission.admit(new Caller.Identity(0, "P0", false, "h"), 7);
        assertEquals(PostAdmission.MAX_ENTRIES + 2, reads.size(), "entries from before the reset are read again");
    }

    @Test
    void rightsReadWhileAChangeCommittedAreNotKeptPastIt() {
        PostAdmission racing = new PostAdmission(now::get) {
            @Override
            Verdict read(Caller.Identity who, long roomId, long generation) {
                reads.add(roomId);
                // The change commits while the old rights are being read.
                if (reads.size() == 1) {
                    forgetAll();
                }
                return database.apply(generation);
            }
        };
        PostAdmission.Verdict first = racing.admit(ANA, 7);
        assertEquals(false, racing.current(first), "a verdict read across a change is stale at once");
        racing.admit(ANA, 7);
        assertEquals(2, reads.size(), "the rights read across the change are read again");
        racing.admit(ANA, 7);
        assertEquals(2, reads.size());
    }
}
