package org.creativecities.core.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OutboundQueueTest {

    private static final Duration GRACE = Duration.ofSeconds(5);

    /** A clock the test moves by hand. */
    private final AtomicLong now = new AtomicLong();

    private OutboundQueue queue(int capacity, StuckSender sender, AtomicInteger overflows) {
        return new OutboundQueue(capacity, Long.MAX_VALUE, GRACE, now::get, sender::send, x -> overflows.incrementAndGet());
    }

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    /** A sender whose sends complete only when the test says so, like a socket that is not being read. */
    private static final class StuckSender {
        final List<String> sent = new ArrayList<>();
        final List<List<String>> writes = new ArrayList<>();
        final List<Runnable> pending = new ArrayList<>();

        void send(List<OutFrame> frames, Runnable done) {
            List<String> write = frames.stream().map(OutFrame::text).toList();
            writes.add(write);
            sent.addAll(write);
            pending.add(done);
        }

        void completeOne() {
            pending.remove(0).run();
        }
    }

    @Test
    void framesThatPileUpBehindAWriteGoOutTogetherInOrder() {
        StuckSender sender = new StuckSender();
        OutboundQueue q = queue(10, sender, new AtomicInteger());
        q.offer(OutFrame.of("a"));
        q.offer(OutFrame.of("b"));
        q.offer(OutFrame.of("c"));
        assertEquals(List.of(List.of("a")), sender.writes, "one write in flight at a time");
        sender.completeOne();
        assertEquals(List.of(List.of("a"), List.of("b", "c")), sender.writes);
        sender.completeOne();
        assertEquals(List.of("a", "b", "c"), sender.sent);
        assertEquals(0, q.waiting());
    }

    @Test
    void aBatchOfferedAtOnceIsOneWrite() {
        StuckSender sender = new StuckSender();
        OutboundQueue q = queue(1000, sender, new AtomicInteger());
        assertTrue(q.offerAll(List.of(OutFrame.of("ack"), OutFrame.of("m1"), OutFrame.of("m2"))));
        assertEquals(List.of(List.of("ack", "m1", "m2")), sender.writes);
    }

    @Test
    void aBatchThatWouldPassTheCapMakesTheConsumerSlowAndQueuesNothing() {
        StuckSender sender = new StuckSender();
        AtomicInteger overflows = new AtomicInteger();
        OutboundQueue q = queue(3, sender, overflows);
        assertTrue(q.offer(OutFrame.of("in flight")));
        assertFalse(q.offerAll(List.of(OutFrame.of("1"), OutFrame.of("2"), OutFrame.of("3"), OutFrame.of("4"))));
        assertEquals(1, overflows.get());
        assertEquals(0, q.waiting());
    }

    @Test
    void aWriteCompletedOnAnotherThreadStartsTheNext() throws InterruptedException {
        StuckSender sender = new StuckSender();
        OutboundQueue q = queue(100, sender, new AtomicInteger());
        q.offer(OutFrame.of("a"));
        q.offer(OutFrame.of("b"));
        Thread container = new Thread(sender::completeOne);
        container.start();
        container.join();
        assertEquals(List.of(List.of("a"), List.of("b")), sender.writes);
    }

    @Test
    void closingWithAWriteInFlightDropsWhatWaitsAndRefusesMore() {
        StuckSender sender = new StuckSender();
        OutboundQueue q = queue(100, sender, new AtomicInteger());
        q.offer(OutFrame.of("a"));
        q.offer(OutFrame.of("b"));
        assertTrue(q.closeIfOpen());
        assertFalse(q.closeIfOpen(), "closed once");
        sender.completeOne();
        assertEquals(List.of("a"), sender.sent);
        assertFalse(q.offer(OutFrame.of("c")));
    }

    @Test
    void aWriteTakesAtMostItsShareOfFramesAndCharacters() {
        StuckSender sender = new StuckSender();
        OutboundQueue q = queue(1000, sender, new AtomicInteger());
        q.offer(OutFrame.of("in flight"));
        for (int i = 0; i < OutboundQueue.MAX_WRITE_FRAMES + 10; i++) {
            q.offer(OutFrame.of("s" + i));
        }
        sender.completeOne();
        assertEquals(OutboundQueue.MAX_WRITE_FRAMES, sender.writes.get(1).size());
        sender.completeOne();
        assertEquals(10, sender.writes.get(2).size());
        sender.completeOne();

        String big = "x".repeat(OutboundQueue.MAX_WRITE_CHARS / 2);
        q.offer(OutFrame.of("in flight again"));
        q.offer(OutFrame.of("y".repeat(OutboundQueue.MAX_WRITE_CHARS + 1)));
        q.offer(OutFrame.of(big));
        q.offer(OutFrame.of(big));
        q.offer(OutFrame.of(big));
        sender.completeOne();
        assertEquals(3, sender.writes.get(4).size(), "a frame over the budget goes, with what fits after it");
        sender.completeOne();
        assertEquals(1, sender.writes.get(5).size());
        sender.completeOne();
        assertEquals(0, q.waiting());
    }

    @Test
    void aConsumerThatFallsBehindOverflowsOnceAndNeverBlocks() {
        StuckSender sender = new StuckSender();
        AtomicInteger overflows = new AtomicInteger();
        OutboundQueue q = queue(3, sender, overflows);
        assertTrue(q.offer(OutFrame.of("in flight")));
        assertTrue(q.offer(OutFrame.of("1")));
        assertTrue(q.offer(OutFrame.of("2")));
        assertTrue(q.offer(OutFrame.of("3")));
        assertFalse(q.offer(OutFrame.of("4")));
        assertFalse(q.offer(OutFrame.of("5")));
        assertEquals(1, overflows.get());
        assertEquals(0, q.waiting());
        sender.completeOne();
        assertEquals(List.of("in flight"), sender.sent);
    }

    @Test
    void aSenderThatCompletesAtOnceDrainsEverything() {
        List<String> sent = new ArrayList<>();
        OutboundQueue q = new OutboundQueue(2, Long.MAX_VALUE, GRACE, now::get, (frames, done) -> {
            frames.forEach(f -> sent.add(f.text()));
            done.run();
        }, x -> { });
        for (int i = 0; i < 100; i++) {
            assertTrue(q.offer(OutFrame.of("f" + i)));
        }
        assertEquals(100, sent.size());
    }

    /**
     * When a stalled socket becomes writable again, the container sends what waits and completes each send at once,
     * on the same thread (Tyrus's onWritePossible, seen in a thread dump of LiveLimitsIT): the queue must send the
     * rest in a loop, not by one nested call per frame, or a long backlog overflows the stack.
     */
    @Test
    void aLongBacklogThatCompletesAtOnceIsSentWithoutNesting() {
        List<String> sent = new ArrayList<>();
        List<Runnable> stuck = new ArrayList<>();
        AtomicBoolean writable = new AtomicBoolean();
        int[] depth = {0, 0};
        OutboundQueue q = new OutboundQueue(100_000, Long.MAX_VALUE, GRACE, now::get, (frames, done) -> {
            frames.forEach(f -> sent.add(f.text()));
            if (!writable.get()) {
                stuck.add(done);
                return;
            }
            depth[0]++;
            depth[1] = Math.max(depth[1], depth[0]);
            done.run();
            depth[0]--;
        }, x -> { });
        for (int i = 0; i < 100_000; i++) {
            assertTrue(q.offer(OutFrame.of("f" + i)));
        }
        assertEquals(1, sent.size());
        writable.set(true);
        stuck.remove(0).run();
        assertEquals(100_000, sent.size());
        assertEquals(0, q.waiting());
        assertEquals(1, depth[1], "each send completes before the next starts, none inside another");
    }

    @Test
    void aWholeBatchInOneBurstIsNotSlowWhileTheWritesProgress() {
        StuckSender sender = new StuckSender();
        AtomicInteger overflows = new AtomicInteger();
        OutboundQueue q = queue(600, sender, overflows);
        // One room batch: an ack and a message for each of 256 posts, in one burst, while the socket is full.
        for (int i = 0; i < 512; i++) {
            assertTrue(q.offer(OutFrame.of("f" + i)));
        }
        // The client reads, slowly: a frame now and then, each well within the grace time.
        for (int i = 0; i < 511; i++) {
            advance(GRACE.minusMillis(1));
            sender.completeOne();
            assertTrue(q.offer(OutFrame.of("more" + i)));
        }
        assertEquals(0, overflows.get());
        assertEquals(1023, sender.sent.size() + q.waiting());
    }

    /** A queue of 1000 frames and 100,000 characters at most. */
    private OutboundQueue budgeted(StuckSender sender, AtomicInteger overflows) {
        return new OutboundQueue(1000, 100_000, GRACE, now::get, sender::send, x -> overflows.incrementAndGet());
    }

    /** Large frames: the memory held for a consumer that stopped reading is bounded by their size, not only count. */
    @Test
    void framesOfMoreThanTheCharacterBudgetWaitingMakeTheConsumerSlow() {
        StuckSender sender = new StuckSender();
        AtomicInteger overflows = new AtomicInteger();
        OutboundQueue q = budgeted(sender, overflows);
        String frame = "x".repeat(30_000);
        assertTrue(q.offer(OutFrame.of(frame)), "in flight: no longer waiting");
        assertTrue(q.offer(OutFrame.of(frame)));
        assertTrue(q.offer(OutFrame.of(frame)));
        assertTrue(q.offer(OutFrame.of(frame)));
        assertFalse(q.offer(OutFrame.of(frame)), "120,000 characters would wait");
        assertEquals(1, overflows.get());
        assertEquals(0, q.waiting());
    }

    @Test
    void charactersSentNoLongerCountAgainstTheBudget() {
        StuckSender sender = new StuckSender();
        AtomicInteger overflows = new AtomicInteger();
        OutboundQueue q = budgeted(sender, overflows);
        String frame = "x".repeat(30_000);
        for (int i = 0; i < 100; i++) {
            assertTrue(q.offer(OutFrame.of(frame)));
            sender.completeOne();
        }
        assertEquals(0, overflows.get());
        assertEquals(100, sender.sent.size());
    }

    @Test
    void aWriteWithoutProgressForTheGraceTimeMakesTheConsumerSlowOnTheNextFrame() {
        StuckSender sender = new StuckSender();
        AtomicInteger overflows = new AtomicInteger();
        OutboundQueue q = queue(1000, sender, overflows);
        assertTrue(q.offer(OutFrame.of("in flight")));
        assertTrue(q.offer(OutFrame.of("1")));
        advance(GRACE);
        assertTrue(q.offer(OutFrame.of("2")), "exactly the grace time is still allowed");
        advance(Duration.ofMillis(1));
        assertFalse(q.offer(OutFrame.of("3")));
        assertEquals(1, overflows.get());
        assertEquals(0, q.waiting());
        assertFalse(q.giveUpIfStalled(), "reported once");
        assertEquals(1, overflows.get());
    }

    @Test
    void aSweepFindsAStalledConsumerThatIsOfferedNothingMore() {
        StuckSender sender = new StuckSender();
        AtomicInteger overflows = new AtomicInteger();
        OutboundQueue q = queue(1000, sender, overflows);
        q.offer(OutFrame.of("in flight"));
        assertFalse(q.giveUpIfStalled());
        advance(GRACE.plusMillis(1));
        assertTrue(q.giveUpIfStalled());
        assertEquals(1, overflows.get());
        assertFalse(q.offer(OutFrame.of("late")));
    }

    @Test
    void anIdleQueueIsNeverStalledHoweverLongItWaits() {
        StuckSender sender = new StuckSender();
        AtomicInteger overflows = new AtomicInteger();
        OutboundQueue q = queue(1000, sender, overflows);
        q.offer(OutFrame.of("a"));
        sender.completeOne();
        advance(Duration.ofHours(1));
        assertFalse(q.giveUpIfStalled());
        assertTrue(q.offer(OutFrame.of("b")));
        assertEquals(0, overflows.get());
    }

    @Test
    void aClosedQueueDoesNotReportAnOverflow() {
        StuckSender sender = new StuckSender();
        AtomicInteger overflows = new AtomicInteger();
        OutboundQueue q = queue(1, sender, overflows);
        q.offer(OutFrame.of("in flight"));
        q.close();
        assertFalse(q.offer(OutFrame.of("x")));
        advance(GRACE.multipliedBy(2));
        assertFalse(q.giveUpIfStalled());
        assertEquals(0, overflows.get());
    }
}
