package org.creativecities.plugin.testkit;

import java.time.Instant;

/**
 * A durable timer as {@link VirtualTimers} stores it: name, due time, payload and the deliveries tried so far.
 * Guarded by the owning {@link VirtualTimers}' lock.
 */
final class StoredDurable {

    final String name;
    Instant due;
    String payload;
    int attempts;
    long order;

    StoredDurable(String name, Instant due, String payload, long order) {
        this.name = name;
        this.due = due;
        this.payload = payload;
        this.order = order;
    }
}
