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
    private PostAdmission.Verdict database = new PostAdmission.Admitted(false);
    private final List<Long> reads = new ArrayList<>();

    private final PostAdmission admission = new PostAdmission(now::get) {
        @Override
        Verdict read(Caller.Identity who, long roomId) {
            reads.add(roomId);
            return database;
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
        database = new PostAdmission.Refused(new LiveException(LiveError.FORBIDDEN, "muted"));
        assertInstanceOf(PostAdmission.Refused.class, admission.admit(ANA, 7));
        assertEquals(2, reads.size());
    }

    @Test
    void aChangeThatDecidesRightsAppliesToTheNextPost() {
        assertInstanceOf(PostAdmission.Admitted.class, admission.admit(ANA, 7));
        database = new PostAdmission.Refused(new LiveException(LiveError.FORBIDDEN, "muted"));
        admission.forgetAll();
        assertInstanceOf(PostAdmission.Refused.class, admission.admit(ANA, 7));
    }

    @Test
    void rightsReadWhileAChangeCommittedAreNotKeptPastIt() {
        PostAdmission racing = new PostAdmission(now::get) {
            @Override
            Verdict read(Caller.Identity who, long roomId) {
                reads.add(roomId);
                // The change commits while the old rights are being read.
                if (reads.size() == 1) {
                    forgetAll();
                }
                return database;
            }
        };
        racing.admit(ANA, 7);
        racing.admit(ANA, 7);
        assertEquals(2, reads.size(), "the rights read across the change are read again");
        racing.admit(ANA, 7);
        assertEquals(2, reads.size());
    }
}
