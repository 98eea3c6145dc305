package org.creativecities.app.live;

import org.creativecities.app.testkit.OwnServerLane;
import org.creativecities.app.testkit.PackagedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The portable fallback of {@link LiveFrameSenderIT}: the standard WebSocket API
 * ({@code ccc.live.frame-sender=standard}), on a server of its own, carries the same exchange.
 */
@OwnServerLane
class LiveFrameSenderFallbackIT {

    private static PackagedServer standard;

    @BeforeAll
    static void boot() {
        standard = PackagedServer.builder("live-standard").env("CCC_LIVE_FRAME_SENDER", "standard").start();
    }

    @AfterAll
    static void shutdown() {
        if (standard != null) {
            standard.stop();
        }
    }

    @Test
    void theStandardApiIsAWorkingFallback() throws Exception {
        FrameExchange.exchange(standard, "standard", "standardConnections", "caen");
    }
}
