package org.creativecities.app.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/**
 * The harness's ports for packaged servers are never ephemeral ones: an outgoing connection of a test running beside
 * could take an ephemeral port between the check and the server's bind, and the server failed to start ("Address
 * already in use", seen while two lanes and a CI run shared the machine).
 */
class FreePortTest {

    @Test
    void portsAreFreeAndBelowTheEphemeralRange() throws IOException {
        int low = PackagedServer.ephemeralRange()[0];
        for (int i = 0; i < 50; i++) {
            int port = PackagedServer.freePort();
            assertTrue(port >= PackagedServer.LOWEST_PORT && port < low,
                    port + " is outside [" + PackagedServer.LOWEST_PORT + ", " + low + ")");
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress(port));
            }
        }
    }
}
