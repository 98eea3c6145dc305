package org.creativecities.core.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.live.LiveService.MessagePosted;
import org.creativecities.core.live.LiveService.PostOutcome;
import org.creativecities.core.live.LiveService.PostRequest;
import org.creativecities.core.live.LiveService.Posted;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.core.space.SpaceRepository;

/**
 * The ordered, transactional append of posts to rooms' logs (group commit), for the rooms' writers
 * ({@link RoomWriter}): a room's row is locked (read natively: its sequence and slow mode only), its next sequence
 * numbers taken in arrival order and the messages inserted together, their mentions stored and who they address
 * told, in the transaction that commits them. The writers call it holding the rooms' in-memory locks, so commit order
 * is sequence order.
 */
@ApplicationScoped
public class RoomAppends {

    @Inject
    private SpaceRepository spaces;

    @Inject
    private RoomEventRepository events;

    @Inject
    private TimeSource time;

    @Inject
    private MentionRepository mentions;

    @Inject
    private jakarta.enterprise.event.Event<MessagePosted> posted;

    @Inject
    private jakarta.enterprise.event.Event<MessageAddressed> addressed;

    /** Each room's city slug, read once (see {@link #citySlug}). */
    private final Map<Long, String> citySlugs = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Stores a room's waiting posts in one transaction (group commit): the room's row is locked once, and the new
     * messages get the room's next sequence numbers in the order of {@code requests} and are inserted together (JDBC
     * batch). The posts were admitted before they were queued ({@link PostAdmission}): here only what depends on the
     * room's log is checked (the message replied to, slow mode). A post whose author may not post is refused here,
     * unless it is the retry of a post already stored: that gets its ack as a duplicate. A post that is refused
     * stores nothing and does not affect the others.
     *
     * <p>Earlier posts with the same client id are not looked up on the first attempt: the unique constraint on
     * (room, author, client id) refuses a retry at commit, which rolls the whole batch back (an exception out of
     * here); the caller then stores each post alone with {@code lookUpEarlier}, which finds the earlier post by that
     * same index and answers it as a duplicate. Retries are rare; a look-up per batch was the most costly statement
     * of a post (it scanned the room's events by room).
     *
     * @param lookUpEarlier look up each post's client id among the room's earlier posts
     * @return one outcome per request, in the same order
     */
    @Transactional
    public List<PostOutcome> postBatch(long roomId, List<PostRequest> requests, boolean lookUpEarlier) {
        return append(roomId, requests, lookUpEarlier);
    }

    /**
     * Stores the waiting posts of several rooms in one transaction: each room as {@link #postBatch} stores one, the
     * rooms' rows locked in the order given (ascending room id, so two writers can never wait for each other). One
     * commit for all of them: with many rooms busy at once, the commit (the most costly part of a post on H2, which
     * writes its file at every commit) is paid once per turn of a writer instead of once per room. Any failure rolls
     * back every room's posts (the caller then stores each room alone).
     *
     * @param rooms the rooms' posts, in ascending room id
     * @return each room's outcomes, in the same order as {@code rooms}
     */
    @Transactional
    public List<List<PostOutcome>> postRooms(List<RoomPosts> rooms) {
        List<List<PostOutcome>> out = new ArrayList<>(rooms.size());
        for (RoomPosts r : rooms) {
            out.add(append(r.roomId(), r.requests(), false));
        }
        return out;
    }

    /**
     * One room's posts for {@link #postRooms}.
     *
     * @param roomId   the room
     * @param requests its waiting posts, in arrival order
     */
    public record RoomPosts(long roomId, List<PostRequest> requests) {
    }

    private List<PostOutcome> append(long roomId, List<PostRequest> requests, boolean lookUpEarlier) {
        SpaceRepository.RoomSequence room = spaces.lockSequence(roomId).orElse(null);
        if (room == null) {
            return requests.stream().map(r -> new PostOutcome(null, notReadable(roomId))).toList();
        }
        String citySlug = citySlug(roomId);
        long seq = room.lastSeq();
        // The new posts of this batch by client id, as they are taken; earlier posts only when asked (a retry).
        Map<String, RoomEvent> byClientId = new HashMap<>();
        Map<Long, Optional<OffsetDateTime>> lastPosts = new HashMap<>();
        Map<Long, RoomEvent> newMessages = new HashMap<>();
        PostOutcome[] out = new PostOutcome[requests.size()];
        RoomEvent[] fresh = new RoomEvent[requests.size()];
        for (int i = 0; i < requests.size(); i++) {
            PostRequest r = requests.get(i);
            Caller.Identity who = r.who();
            try {
                RoomEvent earlier = byClientId.get(clientKey(who.id(), r.clientMessageId()));
                if (earlier == null && lookUpEarlier) {
                    earlier = events.findByClientMessageId(roomId, who.id(), r.clientMessageId()).orElse(null);
                }
                if (earlier != null) {
                    out[i] = new PostOutcome(new Posted(earlier, true, List.of()), null);
                    continue;
                }
                if (r.verdict() instanceof PostAdmission.Refused refused) {
                    throw refused.reason();
                }
                LiveService.checkText(r.text());
                if (r.replyTo() != null && !newMessages.containsKey(r.replyTo())
                        && events.findMessage(roomId, r.replyTo()).isEmpty()) {
                    throw new LiveException(LiveError.BAD_FRAME, "replyTo " + r.replyTo()
                            + " is not a message of this room.");
                }
                if (room.slowModeSeconds() > 0
                        && !(r.verdict() instanceof PostAdmission.Admitted a && a.slowModeExempt())) {
                    Optional<OffsetDateTime> last = lastPosts.computeIfAbsent(who.id(),
                            id -> events.latestMessageOf(roomId, id).map(RoomEvent::createdAt));
                    if (last.isPresent()) {
                        Duration since = Duration.between(last.get(), time.now());
                        if (since.getSeconds() < room.slowModeSeconds()) {
                            throw new LiveException(LiveError.SLOW_MODE, "Slow mode: wait " + (room.slowModeSeconds()
                                    - since.getSeconds()) + " s between two messages.");
                        }
                    }
                }
                OffsetDateTime now = time.now();
                RoomEvent e = RoomEvent.message(roomId, ++seq, who.id(), who.displayName(),
                        r.clientMessageId(), r.text(), r.html(), r.replyTo(), now);
                fresh[i] = e;
                newMessages.put(e.seq(), e);
                byClientId.put(clientKey(who.id(), r.clientMessageId()), e);
                lastPosts.put(who.id(), Optional.of(now));
            } catch (LiveException refusal) {
                out[i] = new PostOutcome(null, refusal);
            }
        }
        if (seq != room.lastSeq()) {
            spaces.advanceSequence(roomId, seq);
        }
        // Inserted together: no query runs between them, so the JDBC batch is not flushed one row at a time.
        for (RoomEvent e : fresh) {
            if (e != null) {
                events.add(e);
                posted.fire(new MessagePosted(roomId, citySlug, e.authorId(), e.seq()));
            }
        }
        for (int i = 0; i < requests.size(); i++) {
            if (fresh[i] != null) {
                List<Long> mentioned = mention(requests.get(i), fresh[i]);
                out[i] = new PostOutcome(new Posted(fresh[i], false, mentioned), null);
                address(fresh[i], mentioned, newMessages);
            }
        }
        return java.util.Arrays.asList(out);
    }

    /** The room's city ("" for a network-wide space); a room never changes city, so it is read once per room. */
    private String citySlug(long roomId) {
        String slug = citySlugs.get(roomId);
        if (slug == null) {
            slug = spaces.findRoom(roomId).flatMap(r -> r.space().city())
                    .map(org.creativecities.core.city.City::slug).orElse("");
            citySlugs.put(roomId, slug);
        }
        return slug;
    }

    private List<Long> mention(PostRequest r, RoomEvent e) {
        for (Long accountId : r.mentioned()) {
            mentions.add(new Mention(accountId, e, time.now()));
        }
        return r.mentioned();
    }

    /** Tells who the new message speaks to: the people it mentions, the author of the message it answers. */
    private void address(RoomEvent e, List<Long> mentioned, Map<Long, RoomEvent> batch) {
        Optional<Long> repliedTo = Optional.empty();
        if (e.replyTo().isPresent()) {
            long seq = e.replyTo().get();
            RoomEvent answered = batch.get(seq);
            repliedTo = (answered != null ? Optional.of(answered) : events.findMessage(e.roomId(), seq))
                    .map(RoomEvent::authorId).filter(a -> a != e.authorId());
        }
        if (!mentioned.isEmpty() || repliedTo.isPresent()) {
            addressed.fire(new MessageAddressed(e.roomId(), e.seq(), e.authorId(), e.authorName(), e.text().orElse(""),
                    List.copyOf(mentioned), repliedTo));
        }
    }

    private static String clientKey(long authorId, String clientMessageId) {
        return authorId + ":" + clientMessageId;
    }

    private static LiveException notReadable(long roomId) {
        return new LiveException(LiveError.NOT_FOUND, "No room " + roomId + " that you can read.");
    }
}
