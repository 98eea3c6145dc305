package org.creativecities.core.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@link PersonFrames} over the live engine's connections, looked up by account. */
@ApplicationScoped
class EnginePersonFrames implements PersonFrames {

    @Inject
    private LiveEngine engine;

    @Override
    public int send(long accountId, String frame) {
        int sent = 0;
        for (Connection c : engine.connectionsOf(accountId)) {
            if (c.isOpen() && c.who().map(w -> w.id() == accountId).orElse(false)) {
                c.send(frame);
                sent++;
            }
        }
        return sent;
    }
}
