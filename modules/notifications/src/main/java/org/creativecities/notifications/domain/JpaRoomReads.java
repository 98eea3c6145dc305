package org.creativecities.notifications.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * JPA implementation of {@link RoomReads}. "My rooms" is a read model over the core's room log: one SQL query
 * joins the person's read states with the core's {@code room}, {@code space} and {@code city} tables and counts
 * each room's newer messages through the log's (room, seq) index. It only reads the core's tables.
 */
@ApplicationScoped
class JpaRoomReads implements RoomReads {

    private static final String ROOMS = "SELECT r.id, r.name, s.id, s.name, s.visibility, c.slug, s.field_slug, "
            + "r.archived, r.last_seq, rr.read_seq, (SELECT COUNT(*) FROM room_event e WHERE e.room_id = r.id "
            + "AND e.seq > rr.read_seq AND e.event_type = 'message' AND e.deleted = FALSE AND e.author_id <> ?1) "
            + "FROM room_read rr JOIN room r ON r.id = rr.room_id JOIN space s ON s.id = r.space_id "
            + "LEFT JOIN city c ON c.id = s.city_id WHERE rr.account_id = ?1 ORDER BY rr.read_at DESC, r.id";

    @PersistenceContext(unitName = "notifications")
    private EntityManager em;

    @Override
    public void markRead(long accountId, long roomId, long seq, OffsetDateTime now) {
        List<RoomRead> found = em.createQuery("SELECT r FROM RoomRead r WHERE r.accountId = :a AND r.roomId = :r",
                RoomRead.class).setParameter("a", accountId).setParameter("r", roomId).getResultList();
        if (found.isEmpty()) {
            em.persist(new RoomRead(accountId, roomId, seq, now));
        } else {
            found.get(0).readUpTo(seq, now);
        }
    }

    @Override
    public List<RoomState> roomsOf(long accountId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(ROOMS).setParameter(1, accountId).getResultList();
        return rows.stream().map(JpaRoomReads::state).toList();
    }

    private static RoomState state(Object[] row) {
        return new RoomState(number(row[0]), (String) row[1], number(row[2]), (String) row[3],
                "PUBLIC".equals(row[4]), Optional.ofNullable((String) row[5]), Optional.ofNullable((String) row[6]),
                Boolean.TRUE.equals(row[7]), number(row[8]), number(row[9]), number(row[10]));
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    @Override
    public Optional<Long> lastSeq(long roomId) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("SELECT last_seq FROM room WHERE id = ?1").setParameter(1, roomId)
                .getResultList();
        return rows.stream().findFirst().map(JpaRoomReads::number);
    }
}
