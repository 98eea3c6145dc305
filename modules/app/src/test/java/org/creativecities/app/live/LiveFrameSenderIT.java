package org.creativecities.app.live;

import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Both ways frames reach clients, on the packaged server: Tyrus's raw frames (encoded once, several waiting frames
 * written together) by default, here, and the portable standard API with {@code ccc.live.frame-sender=standard}
 * ({@link LiveFrameSenderFallbackIT}). Each carries frames of every WebSocket length form (short, 16-bit and 64-bit
 * lengths) with multi-byte text intact and in order, also to a reader that stopped reading for a while; and
 * {@code /health} says which path each connection uses, so that a fall back to the slow path cannot be silent.
 *
 * <p>The default (raw frames) is the shared server's. Each test uses a city no other test uses, as 100 long messages
 * would weigh on another test's room.
 */
@ExtendWith(SharedServer.class)
class LiveFrameSenderIT {

    @Test
    void rawFramesAreTheDefaultAndCarryEveryLengthForm(PackagedServer shared) throws Exception {
        FrameExchange.exchange(shared, "tyrus", "rawConnections", "lviv");
    }
}
