package org.creativecities.core.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.web.ProblemException;
import org.creativecities.core.space.Room;
import org.creativecities.core.space.SpaceRepository;
import org.creativecities.core.space.SpaceRules;

/**
 * The transactional side of joining and posting in live rooms: who may read and post, what a joiner replays, the
 * posts' types and the mentions found before a post is queued. The posts themselves are appended to the rooms' logs
 * by {@link RoomAppends}. Changes to posted messages are {@link MessageChanges}', a
 * person's mentions {@link MentionInbox}'s, and what plugins do in rooms {@link PluginRoomAccess}'s.
 */
@ApplicationScoped
public class LiveService {

    /** Longest text of a message, in characters. */
    public static final int MAX_TEXT = 16384;

    /**
     * The result of a post.
     *
     * @param event     the stored message
     * @param duplicate true when the client message id had been used before: nothing new was stored
     * @param mentioned the accounts mentioned by a new message (who can read the room, not the author)
     */
    public record Posted(RoomEvent event, boolean duplicate, List<Long> mentioned) {
    }

    /**
     * What a joining client needs.
     *
     * @param room   the room
     * @param plan   the resume decision
     * @param replay the events to replay (REPLAY only)
     */
    public record Joined(Room room, ResumePlan plan, List<RoomEvent> replay) {
    }

    @Inject
    private SpaceRepository spaces;

    @Inject
    private SpaceRules spaceRules;

    @Inject
    private RoomEventRepository events;

    @Inject
    private MentionRepository mentions;

    @Inject
    private jakarta.enterprise.event.Event<RoomEntered> entered;

    /**
     * A message was stored; observers that must only see committed messages observe it after success.
     *
     * @param roomId   the room
     * @param citySlug the room's city, or empty for a network-wide space
     * @param authorId who posted
     * @param seq      its sequence number in the room
     */
    public record MessagePosted(long roomId, String citySlug, long authorId, long seq) {
    }

    /** The room's city, or empty for a network-wide space or a room that does not exist (any more). */
    @Transactional
    public String citySlug(long roomId) {
        return spaces.findRoom(roomId).flatMap(r -> r.space().city())
                .map(org.creativecities.core.city.City::slug).orElse("");
    }

    /**
     * A person's rights to post in a room, as the database says now.
     *
     * @param readable whether they may read the room (false also when it does not exist)
     * @param refusal  why they may not post, if they may not
     * @param manager  whether they manage the room's space (slow mode does not hold them back)
     */
    public record PostRights(boolean readable, Optional<String> refusal, boolean manager) {
    }

    /** The person's rights to post in the room (see {@link PostAdmission}); reads only, takes no lock. */
    @Transactional
    public PostRights postRights(Caller.Identity who, long roomId) {
        Optional<Room> room = spaces.findRoom(roomId).filter(r -> spaceRules.canReadRoom(Optional.of(who), r));
        if (room.isEmpty()) {
            return new PostRights(false, Optional.empty(), false);
        }
        return new PostRights(true, spaceRules.postRefusal(who, room.get()),
                spaceRules.canManage(Optional.of(who), room.get().space()));
    }

    /** The room if the person may read it; otherwise a refusal that hides whether it exists. */
    @Transactional
    public Room readable(Optional<Caller.Identity> who, long roomId) {
        return spaces.findRoom(roomId).filter(r -> spaceRules.canReadRoom(who, r))
                .orElseThrow(() -> new LiveException(LiveError.NOT_FOUND, "No room " + roomId + " that you can read."));
    }

    @Transactional
    public Joined join(Optional<Caller.Identity> who, long roomId, Long since, int maxReplay) {
        Room room = readable(who, roomId);
        ResumePlan plan = ResumePlan.decide(since, room.lastSeq(), maxReplay);
        List<RoomEvent> replay = plan.action() == ResumePlan.Action.REPLAY
                ? events.after(roomId, plan.from() - 1, maxReplay) : List.of();
        who.ifPresent(w -> entered.fire(new RoomEntered(w.id(), roomId, room.lastSeq())));
        return new Joined(room, plan, replay);
    }

    /**
     * One post waiting for its room's writer, with the verdict of {@link PostAdmission}.
     *
     * @param who             the author
     * @param clientMessageId the author's id for the message (idempotency key)
     * @param text            what they wrote
     * @param html            the text rendered to safe HTML ({@link MessageRenderer})
     * @param replyTo         the seq of the message answered, if any
     * @param verdict         whether they may post here: admitted, or refused unless the post is a retry of one
     *                        already stored
     * @param mentioned       the accounts the text mentions that can read the room (not the author), found
     *                        before the post is queued ({@link #mentionable})
     */
    public record PostRequest(Caller.Identity who, String clientMessageId, String text, String html, Long replyTo,
                              PostAdmission.Verdict verdict, List<Long> mentioned) {

        /** Renders the text now, on the caller's thread: the room's writer, under the room's lock, never does. */
        public PostRequest(Caller.Identity who, String clientMessageId, String text, Long replyTo,
                           PostAdmission.Verdict verdict) {
            this(who, clientMessageId, text, verdict instanceof PostAdmission.Admitted ? MessageRenderer.html(text)
                    : "", replyTo, verdict, List.of());
        }

        /** The same post with the people it mentions. */
        public PostRequest mentioning(List<Long> accounts) {
            return new PostRequest(who, clientMessageId, text, html, replyTo, verdict, accounts);
        }

        /** The same post with the verdict read again for an admitted post. */
        public PostRequest admitted(PostAdmission.Verdict again) {
            return new PostRequest(who, clientMessageId, text, html, replyTo, again, mentioned);
        }
    }

    /**
     * The accounts of a text's mentions ({@code @[id]} or {@code @Name}) that can read the room, not the author:
     * read before the post is queued, so that the room's writer only inserts their mention rows.
     */
    @Transactional
    public List<Long> mentionable(Caller.Identity who, long roomId, Mentions found) {
        Optional<Room> room = spaces.findRoom(roomId);
        if (room.isEmpty()) {
            return List.of();
        }
        return mentions.people(found.ids(), found.names()).stream()
                .filter(p -> p.id() != who.id() && spaceRules.canReadRoom(Optional.of(p), room.get()))
                .map(Caller.Identity::id).toList();
    }

    /**
     * What became of one post of a batch: exactly one of the two is set.
     *
     * @param posted  the stored (or earlier) message
     * @param refusal why the post was refused; nothing was stored for it
     */
    public record PostOutcome(Posted posted, LiveException refusal) {
    }

    /**
     * A page of a room's events for the REST history: after {@code after} ascending, or before {@code before}
     * (the latest when neither is given), returned in ascending order either way.
     */
    @Transactional
    public List<RoomEvent> history(Optional<Caller.Identity> who, long roomId, Optional<Long> before,
                                   Optional<Long> after, int limit) {
        spaces.findRoom(roomId).filter(r -> spaceRules.canReadRoom(who, r))
                .orElseThrow(() -> ProblemException.notFound("Room", String.valueOf(roomId)));
        if (after.isPresent()) {
            return events.after(roomId, after.get(), limit);
        }
        List<RoomEvent> page = new java.util.ArrayList<>(events.before(roomId, before.orElse(Long.MAX_VALUE), limit));
        java.util.Collections.reverse(page);
        return page;
    }

    /** Refuses a missing, blank or too long text. */
    static void checkText(String text) {
        if (text == null || text.isBlank()) {
            throw new LiveException(LiveError.BAD_FRAME, "A message needs some text.");
        }
        if (text.length() > MAX_TEXT) {
            throw new LiveException(LiveError.TOO_LONG, "A message has at most " + MAX_TEXT + " characters.");
        }
    }
}
