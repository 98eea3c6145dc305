package org.creativecities.plugins.music;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of a listening room: its host, the queue of waiting tracks and the track now playing. A pure,
 * immutable state machine: every command returns a new value or throws {@link QueueRefused}.
 *
 * <p><b>Time.</b> The track now playing is stored with the server instant it started, never with a position, so
 * the position at any instant {@code t} is {@code t - startedAt}: a late joiner, or a server back from a restart,
 * computes where everyone is. When a track ends the next one starts at that very instant ({@link #at}): the
 * state at any instant follows from the stored one and the clock alone, whether or not the timer that announces
 * it has fired yet.
 *
 * <p><b>Order.</b> Tracks play in queue order. A vote moves its track up past every track with fewer votes just
 * above it (so the most wanted rise), and the host may still put any track anywhere with {@link #move}. Adding
 * to an idle room starts the track at once.
 *
 * @param hostId  the room's host (its creator); moderators of the room act as host too
 * @param queue   the waiting tracks, in the order they will play
 * @param playing the track now playing; null when the room is idle
 * @param nextId  the number of the next track id ({@code t<n>})
 * @param plays   how many tracks have started in the room (the playing one is number {@code plays})
 */
public record Listening(long hostId, List<Track> queue, Playing playing, long nextId, long plays) {

    /**
     * A track playing since an instant.
     *
     * @param track     the track
     * @param startedAt the server instant its position was 0
     * @param number    which start in the room this is (1 for the first track played)
     */
    public record Playing(Track track, Instant startedAt, long number) {

        public Playing {
            Objects.requireNonNull(track, "track");
            Objects.requireNonNull(startedAt, "startedAt");
        }

        /** When the track ends. */
        public Instant endsAt() {
            return startedAt.plusMillis(track.durationMs());
        }

        /** The position at {@code t}, in milliseconds, between 0 and the track's length. */
        public long positionAt(Instant t) {
            long elapsed = t.toEpochMilli() - startedAt.toEpochMilli();
            return Math.max(0, Math.min(elapsed, track.durationMs()));
        }
    }

    public Listening {
        queue = List.copyOf(queue);
    }

    /** A new room: nothing playing, nothing queued. */
    public static Listening start(long hostId) {
        return new Listening(hostId, List.of(), null, 1, 0);
    }

    /** The track now playing, if any. */
    public Optional<Playing> nowPlaying() {
        return Optional.ofNullable(playing);
    }

    /**
     * The state at {@code now}: each track that has ended by then gives way to the next in the queue, which
     * started the instant the previous one ended; the room goes idle when the queue runs out.
     */
    public Listening at(Instant now) {
        Listening s = this;
        while (s.playing != null && !now.isBefore(s.playing.endsAt())) {
            s = s.startNext(s.playing.endsAt());
        }
        return s;
    }

    /**
     * Adds a track at the end of the queue; it starts at once if nothing is playing.
     *
     * @param maxQueue the most tracks that may wait
     */
    public Listening add(long actor, String title, String url, String mediaId, long durationMs, int maxQueue,
                         Instant now) {
        Listening s = at(now);
        if (s.queue.size() >= maxQueue) {
            throw new QueueRefused("queue-full", "The queue already has " + s.queue.size()
                    + " tracks, the most this room takes; wait for some to play.");
        }
        Track track = new Track("t" + s.nextId, title, url, mediaId, durationMs, actor, List.of());
        List<Track> more = new ArrayList<>(s.queue);
        more.add(track);
        Listening added = new Listening(hostId, more, s.playing, s.nextId + 1, s.plays);
        return added.playing == null ? added.startNext(now) : added;
    }

    /** One vote up for a waiting track; each person votes a track once. */
    public Listening vote(long actor, String trackId, Instant now) {
        Listening s = at(now);
        int index = s.indexOf(trackId);
        Track track = s.queue.get(index);
        if (track.voters().contains(actor)) {
            throw new QueueRefused("already-voted", "You have already voted for this track.");
        }
        List<Track> tracks = new ArrayList<>(s.queue);
        Track voted = track.votedBy(actor);
        tracks.set(index, voted);
        while (index > 0 && tracks.get(index - 1).votes() < voted.votes()) {
            tracks.set(index, tracks.get(index - 1));
            tracks.set(index - 1, voted);
            index--;
        }
        return new Listening(hostId, tracks, s.playing, s.nextId, s.plays);
    }

    /** The host puts a waiting track at a position of the queue (0: next). */
    public Listening move(boolean host, String trackId, long toIndex, Instant now) {
        requireHost(host);
        Listening s = at(now);
        int index = s.indexOf(trackId);
        if (toIndex < 0 || toIndex >= s.queue.size()) {
            throw new QueueRefused("bad-index", "A position in this queue is from 0 to " + (s.queue.size() - 1)
                    + ".");
        }
        List<Track> tracks = new ArrayList<>(s.queue);
        Track track = tracks.remove(index);
        tracks.add((int) toIndex, track);
        return new Listening(hostId, tracks, s.playing, s.nextId, s.plays);
    }

    /** The host takes a waiting track out of the queue. */
    public Listening remove(boolean host, String trackId, Instant now) {
        requireHost(host);
        Listening s = at(now);
        List<Track> tracks = new ArrayList<>(s.queue);
        tracks.remove(s.indexOf(trackId));
        return new Listening(hostId, tracks, s.playing, s.nextId, s.plays);
    }

    /** The host ends the track now playing; the next one starts at once. */
    public Listening skip(boolean host, Instant now) {
        requireHost(host);
        Listening s = at(now);
        if (s.playing == null) {
            throw new QueueRefused("nothing-playing", "Nothing is playing, so there is nothing to skip.");
        }
        return s.startNext(now);
    }

    private Listening startNext(Instant at) {
        if (queue.isEmpty()) {
            return new Listening(hostId, queue, null, nextId, plays);
        }
        return new Listening(hostId, queue.subList(1, queue.size()), new Playing(queue.get(0), at, plays + 1),
                nextId, plays + 1);
    }

    private int indexOf(String trackId) {
        for (int i = 0; i < queue.size(); i++) {
            if (queue.get(i).id().equals(trackId)) {
                return i;
            }
        }
        throw new QueueRefused("unknown-track", "No track " + trackId + " is waiting in the queue.");
    }

    private static void requireHost(boolean host) {
        if (!host) {
            throw new QueueRefused("not-host", "Only the host skips, reorders and removes tracks.");
        }
    }
}
