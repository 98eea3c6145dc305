package org.creativecities.core.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OutboundQueueTest {

    /** A sender whose sends complete only when the test says so, like a socket that is not being read. */
    private static final class StuckSender {
        final List<String> sent = new ArrayList<>();
        final List<Runnable> pending = new ArrayList<>();

        void send(String frame, Runnable done) {
            sent.add(frame);
            pending.add(done);
        }

        void completeOne() {
            pending.remove(0).run();
        }
    }

    @Test
    void framesAreSentOneAtATimeInOrder() {
        StuckSender sender = new StuckSender();
        OutboundQueue q = new OutboundQueue(10, sender::send, x -> { });
        q.offer("a");
        q.offer("b");
        q.offer("c");
        assertEquals(List.of("a"), sender.sent);
        sender.completeOne();
        sender.completeOne();
        assertEquals(List.of("a", "b", "c"), sender.sent);
        assertEquals(0, q.waiting());
    }

    @Test
    void aConsumerThatFallsBehindOverflowsOnceAndNeverBlocks() {
        StuckSender sender = new StuckSender();
        AtomicInteger overflows = new AtomicInteger();
        OutboundQueue q = new OutboundQueue(3, sender::send, x -> overflows.incrementAndGet());
        assertTrue(q.offer("in flight"));
        assertTrue(q.offer("1"));
        assertTrue(q.offer("2"));
        assertTrue(q.offer("3"));
        assertFalse(q.offer("4"));
        assertFalse(q.offer("5"));
        assertEquals(1, overflows.get());
        assertEquals(0, q.waiting());
        sender.completeOne();
        assertEquals(List.of("in flight"), sender.sent);
    }

    @Test
    void aSenderThatCompletesAtOnceDrainsEverything() {
        List<String> sent = new ArrayList<>();
        OutboundQueue q = new OutboundQueue(2, (frame, done) -> {
            sent.add(frame);
            done.run();
        }, x -> { });
        for (int i = 0; i < 100; i++) {
            assertTrue(q.offer("f" + i));
        }
        assertEquals(100, sent.size());
    }
}
