package org.creativecities.core.live;

import java.util.Optional;
import java.util.function.Function;
import org.creativecities.core.identity.Caller;

/**
 * The message frames of a joined room: {@code post}, {@code edit}, {@code delete} and {@code react}, which take the
 * room's next seqs through its writer ({@link RoomWriter}), and {@code typing}, which is only relayed. A post is
 * admitted ({@link PostAdmission}), rendered, reviewed by the plugins' hooks ({@link MessageReview}) and its mentions
 * looked up on the thread that read it: none of that runs under the room's lock or in its transaction.
 */
final class MessageFrames {

    private final LiveService service;
    private final MessageChanges changes;
    private final MessageReview review;
    private final PostAdmission admission;
    private final RoomWriter writer;
    private final RoomHubs hubs;

    MessageFrames(LiveService service, MessageChanges changes, MessageReview review, PostAdmission admission,
                  RoomWriter writer, RoomHubs hubs) {
        this.service = service;
        this.changes = changes;
        this.review = review;
        this.admission = admission;
        this.writer = writer;
        this.hubs = hubs;
    }

    /** Admits, renders and reviews a post and finds whom it mentions, then queues it for the room's writer. */
    void post(Connection c, ClientFrame.Post f) {
        Caller.Identity who = c.signedIn();
        long room = c.joined(f.room());
        PostAdmission.Verdict verdict = admission.admit(who, room);
        if (verdict instanceof PostAdmission.Refused refused) {
            if (refused.reason().error() != LiveError.FORBIDDEN) {
                throw refused.reason();
            }
            // Queued all the same: the writer answers a retry of a post already stored with its ack.
            writer.enqueue(hubs.of(room), new RoomWriter.Pending(c, f.id(),
                    new LiveService.PostRequest(who, f.clientMessageId(), f.text(), f.replyTo(), verdict)));
            return;
        }
        LiveService.PostRequest reviewed = review.review(room,
                new LiveService.PostRequest(who, f.clientMessageId(), f.text(), f.replyTo(), verdict));
        Mentions found = Mentions.in(reviewed.text());
        LiveService.PostRequest request = found.isEmpty() ? reviewed
                : reviewed.mentioning(service.mentionable(who, room, found));
        writer.enqueue(hubs.of(room), new RoomWriter.Pending(c, f.id(), request));
    }

    /** An edit, rendered here and applied by the room's writer. */
    void edit(Connection c, ClientFrame.Edit f) {
        long room = c.joined(f.room());
        String html = MessageRenderer.html(f.text());
        write(c, room, f.id(), who -> changes.edit(who, room, f.target(), f.text(), html));
    }

    void delete(Connection c, ClientFrame.Delete f) {
        long room = c.joined(f.room());
        write(c, room, f.id(), who -> changes.delete(who, room, f.target()));
    }

    void react(Connection c, ClientFrame.React f) {
        long room = c.joined(f.room());
        write(c, room, f.id(), who -> changes.react(who, room, f.target(), f.emoji(), f.add()));
    }

    /** Queues an edit, deletion or reaction behind the room's earlier writes. */
    private void write(Connection c, long roomId, String frameId, Function<Caller.Identity, RoomEvent> action) {
        writer.enqueue(hubs.of(roomId), new RoomWriter.Write(c, frameId, c.signedIn(), action));
    }

    /** Tells the room's other connections that the person is typing. */
    void typing(Connection c, long roomId) {
        Caller.Identity who = c.signedIn();
        c.joined(roomId);
        service.readable(Optional.of(who), roomId);
        RoomHub hub = hubs.existing(roomId);
        if (hub != null) {
            hub.broadcastExcept(c, Frames.typing(roomId, Frames.user(who.id(), who.displayName())));
        }
        hubs.presence().typing(roomId, who);
    }
}
