package org.creativecities.core.live;

import java.util.Optional;
import org.creativecities.core.identity.Caller;

/** One live connection as a {@link LiveExtension} sees it: who it acts for, and a way to send it frames. */
public interface LivePeer {

    /** The connection's id, unique among open connections; not to be shown to other clients. */
    String id();

    /**
     * Who the connection acts for now (empty for a visitor). Read it for every frame: it follows changes of the
     * account's rights and name.
     */
    Optional<Caller.Identity> who();

    /**
     * Whether the connection is still open for extensions: false once it closed, or its session ended, or the
     * extensions were told it is gone. An extension that registers a peer checks this after registering it.
     */
    boolean isOpen();

    /** Queues one frame (a JSON object's text) for this connection; never blocks. */
    void send(String frame);
}
