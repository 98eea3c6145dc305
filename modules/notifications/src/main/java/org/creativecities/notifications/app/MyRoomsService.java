package org.creativecities.notifications.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.live.MessageReads;
import org.creativecities.core.live.MessageReads.Reader;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.notifications.NotificationsException;
import org.creativecities.notifications.app.NotificationDtos.MyRoom;
import org.creativecities.notifications.app.NotificationDtos.MyRooms;
import org.creativecities.notifications.domain.RoomReads;
import org.creativecities.notifications.domain.RoomReads.RoomState;

/**
 * "My rooms": the rooms a person entered, with how many messages by others arrived since they last read each. A
 * room is read up to its newest message when the person enters it over {@code /ws}, or on an explicit call. A room
 * they may no longer read (they left the city, were banned) drops out of the list.
 */
@ApplicationScoped
public class MyRoomsService {

    @Inject
    private RoomReads roomReads;

    @Inject
    private MessageReads reads;

    @Inject
    private TimeSource time;

    /** The person entered the room (a join over /ws): they have seen it up to {@code lastSeq}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void entered(long accountId, long roomId, long lastSeq) {
        roomReads.markRead(accountId, roomId, lastSeq, time.now());
    }

    /** The caller's rooms, newest read first: the person's standing, then one query for all rooms. */
    @Transactional
    public MyRooms list(Caller.Identity who) {
        Reader reader = reads.reader(who.id()).orElseThrow(() -> NotificationsException.notFound("Account",
                String.valueOf(who.id())));
        List<MyRoom> items = roomReads.roomsOf(who.id()).stream().filter(r -> readable(reader, r))
                .map(r -> new MyRoom(r.roomId(), r.roomName(), r.spaceId(), r.spaceName(), r.citySlug().orElse(null),
                        r.archived(), r.lastSeq(), r.readSeq(), r.unread())).toList();
        return new MyRooms(items, items.stream().filter(r -> r.unread() > 0).count());
    }

    /** Marks the room read up to its newest message; 404 for a room the caller may not read. */
    @Transactional
    public void markRead(Caller.Identity who, long roomId) {
        Reader reader = reads.reader(who.id()).orElseThrow(() -> NotificationsException.notFound("Room",
                String.valueOf(roomId)));
        boolean readable = reads.room(roomId).map(r -> RoomRules.readable(reader, r)).orElse(false);
        long last = roomReads.lastSeq(roomId).filter(s -> readable)
                .orElseThrow(() -> NotificationsException.notFound("Room", String.valueOf(roomId)));
        roomReads.markRead(who.id(), roomId, last, time.now());
    }

    private static boolean readable(Reader reader, RoomState r) {
        boolean fieldSpace = r.citySlug().isEmpty() && r.field().isPresent();
        return RoomRules.readable(reader, r.roomId(), r.spaceId(), r.publicSpace(), r.citySlug(), r.field(),
                fieldSpace);
    }
}
