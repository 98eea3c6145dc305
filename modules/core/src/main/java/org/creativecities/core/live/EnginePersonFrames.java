package org.creativecities.core.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@link PersonFrames} over the live engine's connections, on every node ({@link PersonDelivery}). */
@ApplicationScoped
class EnginePersonFrames implements PersonFrames {

    @Inject
    private LiveEngine engine;

    @Override
    public int send(long accountId, String frame) {
        return engine.people().send(accountId, frame);
    }
}
