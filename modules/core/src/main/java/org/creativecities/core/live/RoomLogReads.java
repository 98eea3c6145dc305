package org.creativecities.core.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.creativecities.core.space.SpaceRepository;

/**
 * What a node reads of the rooms' logs to deliver events committed by other nodes ({@link RoomFeed}): no rights
 * are checked here, the connections in the room were authorised when they joined.
 */
@ApplicationScoped
public class RoomLogReads {

    @Inject
    private RoomEventRepository events;

    @Inject
    private SpaceRepository spaces;

    /** The room's events after {@code afterSeq}, ascending, at most {@code limit}. */
    @Transactional
    public List<RoomEvent> after(long roomId, long afterSeq, int limit) {
        return events.after(roomId, afterSeq, limit);
    }

    /** The committed last seq of each room that exists, by id. */
    @Transactional
    public Map<Long, Long> lastSeqs(Collection<Long> roomIds) {
        return spaces.lastSeqs(roomIds);
    }
}
