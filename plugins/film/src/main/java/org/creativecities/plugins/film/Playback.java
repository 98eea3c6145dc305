package org.creativecities.plugins.film;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The playback of a watch party: who hosts it, whether it plays, and the position it had at a server instant.
 * A pure, immutable state machine: every command returns a new value or throws {@link PlaybackRefused}.
 *
 * <p>The position is never stored as "now"; it is {@code positionMs} at {@code since}, and while playing at
 * rate 1.0 it is {@code positionMs + (t - since)} at any later instant {@code t}, capped at the film's end
 * when the duration is known. So the party resumes correctly after a restart, and a late joiner gets the
 * current position from the server clock.
 *
 * <p>Only the host controls playback: the room's creator at first, then whoever the host hands it over to.
 *
 * @param hostId     the account that controls playback
 * @param playing    whether the film runs
 * @param positionMs the position, in milliseconds, at {@code since}
 * @param since      the server instant of {@code positionMs}
 * @param durationMs the film's length in milliseconds; 0 when unknown (then only negative seeks are refused)
 */
public record Playback(long hostId, boolean playing, long positionMs, Instant since, long durationMs) {

    /** Playback runs at normal speed only. */
    public static final double RATE = 1.0;

    public Playback {
        Objects.requireNonNull(since, "since");
        if (positionMs < 0 || durationMs < 0 || (durationMs > 0 && positionMs > durationMs)) {
            throw new IllegalArgumentException("position " + positionMs + " outside 0.." + durationMs);
        }
    }

    /** A new party: paused at the start, hosted by the room's creator. */
    public static Playback start(long hostId, long durationMs, Instant now) {
        return new Playback(hostId, false, 0, now, durationMs);
    }

    /** The position at {@code t}, in milliseconds (an instant before {@code since} counts as {@code since}). */
    public long positionAt(Instant t) {
        if (!playing) {
            return positionMs;
        }
        long elapsed = Math.max(0, Duration.between(since, t).toMillis());
        long position = positionMs + (long) (elapsed * RATE);
        return durationMs > 0 ? Math.min(position, durationMs) : position;
    }

    /** Whether the film has reached its end at {@code t} (never, when the duration is unknown). */
    public boolean endedAt(Instant t) {
        return durationMs > 0 && positionAt(t) >= durationMs;
    }

    /** Whether the account controls playback. */
    public boolean isHost(long accountId) {
        return accountId == hostId;
    }

    /** Starts or resumes playing from the current position; playing again changes nothing. */
    public Playback play(long actor, Instant now) {
        requireHost(actor);
        if (playing) {
            return this;
        }
        if (endedAt(now)) {
            throw new PlaybackRefused("ended", "The film has ended; seek back before playing.");
        }
        return new Playback(hostId, true, positionMs, now, durationMs);
    }

    /** Pauses at the current position; pausing again changes nothing. */
    public Playback pause(long actor, Instant now) {
        requireHost(actor);
        if (!playing) {
            return this;
        }
        return new Playback(hostId, false, positionAt(now), now, durationMs);
    }

    /** Moves to a position, playing or paused as before. */
    public Playback seek(long actor, long toMs, Instant now) {
        requireHost(actor);
        if (toMs < 0) {
            throw new PlaybackRefused("bad-position", "A position cannot be negative.");
        }
        if (durationMs > 0 && toMs > durationMs) {
            throw new PlaybackRefused("bad-position", "The film is only " + durationMs + " ms long.");
        }
        return new Playback(hostId, playing, toMs, now, durationMs);
    }

    /** Makes another account the host; the position carries on unchanged. */
    public Playback handOver(long actor, long toAccountId, Instant now) {
        requireHost(actor);
        if (toAccountId <= 0) {
            throw new PlaybackRefused("bad-host", "Hand over to an account id.");
        }
        return new Playback(toAccountId, playing, positionAt(now), now, durationMs);
    }

    /**
     * How far a client's reported position is from the party's, in milliseconds (positive: the client is
     * ahead).
     */
    public long driftMs(long reportedMs, Instant now) {
        return reportedMs - positionAt(now);
    }

    /** Whether a client reporting this position must resync, given the tolerated drift. */
    public boolean needsResync(long reportedMs, Instant now, long maxDriftMs) {
        return Math.abs(driftMs(reportedMs, now)) > maxDriftMs;
    }

    private void requireHost(long actor) {
        if (!isHost(actor)) {
            throw new PlaybackRefused("not-host", "Only the host controls playback.");
        }
    }
}
