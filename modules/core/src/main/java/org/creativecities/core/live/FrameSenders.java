package org.creativecities.core.live;

import java.util.logging.Logger;

/** Chooses the container's {@link FrameSender}: Tyrus's raw frames where Tyrus is there, the standard API otherwise. */
final class FrameSenders {

    private static final Logger LOG = Logger.getLogger(FrameSenders.class.getName());

    private FrameSenders() {
    }

    /**
     * The sender for {@code ccc.live.frame-sender}: {@code standard} forces the portable one; {@code auto} takes
     * Tyrus's where its classes are present, and says so in the log when they are not.
     */
    static FrameSender choose(String setting) {
        if ("standard".equals(setting)) {
            LOG.info("Live frames go through the standard WebSocket API (ccc.live.frame-sender=standard)");
            return new StandardFrameSender();
        }
        try {
            return new TyrusFrameSender();
        } catch (LinkageError e) {
            LOG.warning(() -> "Live frames go through the standard WebSocket API, which is slower: Tyrus is not "
                    + "there (" + e + ")");
            return new StandardFrameSender();
        }
    }
}
