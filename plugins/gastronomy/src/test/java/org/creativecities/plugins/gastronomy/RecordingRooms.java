package org.creativecities.plugins.gastronomy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.creativecities.plugin.api.http.RequestCaller;
import org.creativecities.plugin.api.room.RoomEvent;
import org.creativecities.plugin.api.room.RoomService;

/** The engine's room services for unit tests: records what the kind published, said and sent to one person. */
final class RecordingRooms implements RoomService {

    record Sent(String roomId, long to, RoomEvent event) {
    }

    final List<RoomEvent> published = new ArrayList<>();
    final List<String> said = new ArrayList<>();
    final List<Sent> sent = new ArrayList<>();
    final Set<Long> readers;

    /** @param readers the accounts that may read every room (visitors never may) */
    RecordingRooms(Set<Long> readers) {
        this.readers = readers;
    }

    @Override
    public long publish(String roomId, RoomEvent event) {
        published.add(event);
        return published.size() + said.size();
    }

    @Override
    public long say(String roomId, String text) {
        said.add(text);
        return published.size() + said.size();
    }

    @Override
    public int sendTo(String roomId, long accountId, RoomEvent event) {
        sent.add(new Sent(roomId, accountId, event));
        return 1;
    }

    @Override
    public boolean membersOnly(String roomId) {
        return true;
    }

    @Override
    public boolean mayRead(String roomId, Optional<RequestCaller> caller) {
        return caller.map(c -> readers.contains(c.accountId())).orElse(false);
    }
}
