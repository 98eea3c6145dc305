package org.creativecities.core.live;

/**
 * Pushes a frame to every live connection of one person, and to no one else's (a port for contexts built on the
 * core, such as the notification centre: the frame is theirs, the connections the core's). A person with no open
 * connection receives nothing; the frame is not stored. In a cluster the frame reaches the person's connections on
 * every node (best effort, over the cluster's topic).
 */
public interface PersonFrames {

    /**
     * Sends a JSON frame to each open connection signed in as {@code accountId}.
     *
     * @param accountId the person
     * @param frame     a complete JSON text frame, already encoded
     * @return how many connections of this node it was queued for
     */
    int send(long accountId, String frame);
}
