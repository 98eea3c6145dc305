package org.creativecities.app.live;

import org.creativecities.app.testkit.OwnServer;
import org.creativecities.app.testkit.OwnServerLane;
import org.creativecities.app.testkit.PackagedServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The portable fallback of {@link LiveFrameSenderIT}: the standard WebSocket API
 * ({@code ccc.live.frame-sender=standard}) carries the same exchange, on a server of the own-server lane that has it
 * ({@link OwnServer#COMBINED}, shared with classes that prove nothing about the live path).
 */
@OwnServerLane
class LiveFrameSenderFallbackIT {

    private static PackagedServer standard;

    @BeforeAll
    static void boot() {
        standard = OwnServer.COMBINED.get();
    }

    @Test
    void theStandardApiIsAWorkingFallback() throws Exception {
        FrameExchange.exchange(standard, "standard", "standardConnections", "caen");
    }
}
