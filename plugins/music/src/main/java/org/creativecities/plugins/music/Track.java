package org.creativecities.plugins.music;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One track of a listening room's queue. Immutable.
 *
 * @param id         unique within the room, e.g. {@code t7}
 * @param title      what people see, 1 to {@value #MAX_TITLE} characters
 * @param url        where players load it: a URL on an allowed host, or the media store's {@code /api/media/{id}}
 * @param mediaId    the media id of an uploaded file; null for a track from a URL
 * @param durationMs its length, in milliseconds (more than 0)
 * @param addedBy    the account that added it
 * @param voters     the accounts that voted it up, in the order they voted
 */
public record Track(String id, String title, String url, String mediaId, long durationMs, long addedBy,
                    List<Long> voters) {

    /** Longest title, in characters. */
    public static final int MAX_TITLE = 200;

    public Track {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(url, "url");
        if (durationMs <= 0) {
            throw new IllegalArgumentException("a track lasts more than 0 ms");
        }
        voters = List.copyOf(voters);
    }

    /** How many people voted it up. */
    public int votes() {
        return voters.size();
    }

    /** Whether the track is an uploaded file rather than a URL. */
    public boolean isFile() {
        return mediaId != null;
    }

    /** The same track with one more vote. */
    Track votedBy(long accountId) {
        List<Long> more = new ArrayList<>(voters);
        more.add(accountId);
        return new Track(id, title, url, mediaId, durationMs, addedBy, more);
    }
}
