package org.creativecities.plugins.literature;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.creativecities.plugin.api.http.RequestCaller;
import org.creativecities.plugin.api.room.RoomEvent;
import org.creativecities.plugin.api.room.RoomService;

/** A {@link RoomService} that records what the plugin sends and publishes; every room is readable. */
final class RecordingRooms implements RoomService {

    /** A frame to one person. */
    record Private(String roomId, long accountId, RoomEvent event) {
    }

    final List<Private> sent = new ArrayList<>();
    final List<RoomEvent> published = new ArrayList<>();

    @Override
    public synchronized long publish(String roomId, RoomEvent event) {
        published.add(event);
        return published.size();
    }

    @Override
    public long say(String roomId, String text) {
        return publish(roomId, new RoomEvent("message", null));
    }

    @Override
    public synchronized int sendTo(String roomId, long accountId, RoomEvent event) {
        sent.add(new Private(roomId, accountId, event));
        return 1;
    }

    @Override
    public boolean membersOnly(String roomId) {
        return false;
    }

    @Override
    public boolean mayRead(String roomId, Optional<RequestCaller> caller) {
        return true;
    }

    synchronized List<Private> to(long accountId) {
        return sent.stream().filter(p -> p.accountId() == accountId).toList();
    }
}
