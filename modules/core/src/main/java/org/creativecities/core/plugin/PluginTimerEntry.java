package org.creativecities.core.plugin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;

/** One durable timer of a plugin; see {@link org.creativecities.plugin.api.timer.PluginTimers}. */
@Entity
@Table(name = "plugin_timer")
public class PluginTimerEntry {

    @Id
    @SequenceGenerator(name = "plugin_timer_seq", sequenceName = "plugin_timer_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "plugin_timer_seq")
    private Long id;

    @Column(name = "plugin_id", nullable = false)
    private String pluginId;

    @Column(name = "timer_name", nullable = false)
    private String name;

    @Column(name = "due_at", nullable = false)
    private OffsetDateTime dueAt;

    @Column(name = "payload", nullable = false, length = 16_384)
    private String payload;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "generation", nullable = false)
    private long generation;

    @Column(name = "claimed_by")
    private String claimedBy;

    @Column(name = "claimed_until")
    private OffsetDateTime claimedUntil;

    protected PluginTimerEntry() {
    }

    PluginTimerEntry(String pluginId, String name) {
        this.pluginId = pluginId;
        this.name = name;
    }

    /**
     * Sets a new due time and payload, as a new generation not yet delivered. A generation is only ever compared for
     * equality, so it is a random number (never the previous one): a name deleted and saved again does not reuse the
     * generation a delivery still in flight may hold, as a counter restarting at 1 would.
     */
    void save(Instant due, String newPayload) {
        dueAt = due.atOffset(ZoneOffset.UTC);
        payload = newPayload;
        attempts = 0;
        claimedBy = null;
        claimedUntil = null;
        long next;
        do {
            next = ThreadLocalRandom.current().nextLong();
        } while (next == generation);
        generation = next;
    }

    void countAttempt() {
        attempts++;
    }

    /** Whether a delivery by {@code node} may begin at {@code now}: nobody else holds an unexpired claim. */
    boolean claimableBy(String node, Instant now) {
        return claimedUntil == null || node.equals(claimedBy) || !claimedUntil.toInstant().isAfter(now);
    }

    /** {@code node} delivers this timer; nobody else may begin a delivery until {@code until}. */
    void claim(String node, Instant until) {
        claimedBy = node;
        claimedUntil = until.atOffset(ZoneOffset.UTC);
    }

    String pluginId() {
        return pluginId;
    }

    /** When a node other than the claimer may deliver it: its due time, or the end of someone's claim if later. */
    Instant armAt(String node) {
        Instant due = dueAt.toInstant();
        if (claimedUntil == null || node.equals(claimedBy) || claimedUntil.toInstant().isBefore(due)) {
            return due;
        }
        return claimedUntil.toInstant();
    }

    long generation() {
        return generation;
    }

    DurableTimerStore.Stored view() {
        return new DurableTimerStore.Stored(name, dueAt.toInstant(), payload, attempts, generation);
    }
}
