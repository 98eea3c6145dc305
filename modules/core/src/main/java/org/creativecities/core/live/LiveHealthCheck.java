package org.creativecities.core.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * The live engine in {@code /health}: which frame sender it uses ({@code tyrus} or {@code standard}) and how many
 * open connections write raw frames and how many through the standard API, so that a silent fall back to the slow
 * path shows, how many writes carried several frames at once and how many transactions stored several rooms' posts
 * at once, and how many connections were given a small output buffer ({@link UpgradeOutputBuffer}) (details for
 * administrators: see {@code MonitoringAccessFilter}). Always UP.
 */
@Liveness
@ApplicationScoped
public class LiveHealthCheck implements HealthCheck {

    @Inject
    private LiveEngine engine;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("live")
                .withData("frameSender", engine.frameSender())
                .withData("rawConnections", engine.connectionsWriting(FrameSender.Path.RAW))
                .withData("standardConnections", engine.connectionsWriting(FrameSender.Path.STANDARD))
                .withData("multiFrameWrites", OutboundQueue.multiFrameWrites())
                .withData("multiRoomCommits", RoomWriter.multiRoomCommits())
                .withData("smallOutputBuffers", UpgradeOutputBuffer.small())
                .up().build();
    }
}
