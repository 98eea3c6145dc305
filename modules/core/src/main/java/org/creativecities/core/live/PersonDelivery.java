package org.creativecities.core.live;

import java.util.concurrent.Executor;
import org.creativecities.core.platform.cluster.Cluster;

/**
 * Frames for one person wherever they are connected: a mention, a notification. The frame goes to the person's
 * connections on this node, and, in a cluster, on the topic {@value #TOPIC} ({@code account|frame}) to the other
 * nodes, each of which sends it to that person's connections there. Best effort, like the frame itself: what it
 * tells is stored (the mention, the notification), and a lost message costs only the live nudge on one node.
 */
final class PersonDelivery {

    /** The cluster topic of frames for one person. */
    static final String TOPIC = "live.person-frames";

    private final Connections connections;
    private final Cluster cluster;
    private final Executor executor;

    /** @param executor sends other nodes' frames off the cluster's threads */
    PersonDelivery(Connections connections, Cluster cluster, Executor executor) {
        this.connections = connections;
        this.cluster = cluster;
        this.executor = executor;
    }

    /** Starts hearing the other nodes' frames (in a cluster). */
    void start() {
        if (cluster.clustered()) {
            cluster.subscribe(TOPIC, message -> executor.execute(() -> heard(message)));
        }
    }

    /**
     * Sends the frame to the person's open connections here and on the other nodes.
     *
     * @return how many connections of this node it was queued for
     */
    int send(long accountId, String frame) {
        int sent = sendHere(accountId, OutFrame.of(frame));
        cluster.publish(TOPIC, accountId + "|" + frame);
        return sent;
    }

    private void heard(String message) {
        int bar = message.indexOf('|');
        if (bar > 0) {
            sendHere(Long.parseLong(message.substring(0, bar)), OutFrame.of(message.substring(bar + 1)));
        }
    }

    private int sendHere(long accountId, OutFrame frame) {
        int sent = 0;
        for (Connection c : connections.of(accountId)) {
            if (c.isOpen() && c.who().map(w -> w.id() == accountId).orElse(false)) {
                c.send(frame);
                sent++;
            }
        }
        return sent;
    }
}
