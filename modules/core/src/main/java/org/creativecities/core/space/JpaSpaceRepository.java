package org.creativecities.core.space;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import org.creativecities.core.city.City;

/** JPA implementation of {@link SpaceRepository}. */
@ApplicationScoped
public class JpaSpaceRepository implements SpaceRepository {

    @PersistenceContext(unitName = "ccc")
    private EntityManager em;

    @Override
    public Optional<Space> find(long id) {
        return Optional.ofNullable(em.find(Space.class, id));
    }

    @Override
    public Optional<Space> findBySlug(String slug) {
        return em.createQuery("SELECT s FROM Space s WHERE s.slug = :slug", Space.class)
                .setParameter("slug", slug).getResultStream().findFirst();
    }

    @Override
    public List<Space> list(Optional<String> citySlug, Optional<String> fieldSlug, boolean includeArchived) {
        StringBuilder jpql = new StringBuilder("SELECT s FROM Space s LEFT JOIN s.city c WHERE s.id > 0");
        citySlug.ifPresent(x -> jpql.append(" AND c.slug = :city"));
        fieldSlug.ifPresent(x -> jpql.append(" AND s.fieldSlug = :field"));
        jpql.append(" ORDER BY s.name, s.id");
        TypedQuery<Space> q = em.createQuery(jpql.toString(), Space.class);
        citySlug.ifPresent(x -> q.setParameter("city", x));
        fieldSlug.ifPresent(x -> q.setParameter("field", x));
        // EclipseLink binds booleans as 0/1, which H2 2.x refuses to compare with a BOOLEAN column.
        return q.getResultList().stream().filter(s -> includeArchived || !s.isArchived()).toList();
    }

    @Override
    public Space add(Space space) {
        em.persist(space);
        em.flush();
        return space;
    }

    @Override
    public Optional<Room> findRoom(long id) {
        return Optional.ofNullable(em.find(Room.class, id));
    }

    @Override
    public Optional<Room> lockRoom(long id) {
        return Optional.ofNullable(em.find(Room.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public Optional<RoomSequence> lockSequence(long roomId) {
        // Native: the entity's pessimistic find refreshes the room and loads its space and city (three reads and a
        // clone), a quarter of a post's CPU in the realistic mix's profile. Rooms are not in the shared cache, so
        // no cached copy goes stale.
        List<?> rows = em.createNativeQuery("SELECT last_seq, slow_mode_seconds FROM room WHERE id = ? FOR UPDATE")
                .setParameter(1, roomId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new RoomSequence(((Number) row[0]).longValue(), ((Number) row[1]).intValue()));
    }

    @Override
    public void advanceSequence(long roomId, long lastSeq) {
        em.createNativeQuery("UPDATE room SET last_seq = ? WHERE id = ?").setParameter(1, lastSeq)
                .setParameter(2, roomId).executeUpdate();
    }

    @Override
    public List<Room> rooms(long spaceId, boolean includeArchived) {
        return em.createQuery("SELECT r FROM Room r WHERE r.space.id = :space ORDER BY r.name, r.id", Room.class)
                .setParameter("space", spaceId).getResultStream()
                .filter(r -> includeArchived || !r.isArchived()).toList();
    }

    @Override
    public java.util.Map<Long, Long> lastSeqs(java.util.Collection<Long> roomIds) {
        java.util.Map<Long, Long> seqs = new java.util.HashMap<>();
        if (roomIds.isEmpty()) {
            return seqs;
        }
        em.createQuery("SELECT r.id, r.lastSeq FROM Room r WHERE r.id IN :ids", Object[].class)
                .setParameter("ids", List.copyOf(roomIds)).getResultList()
                .forEach(row -> seqs.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
        return seqs;
    }

    @Override
    public List<Room> roomsOfKind(String kind, Optional<String> citySlug, int first, int max) {
        var query = em.createQuery("SELECT r FROM Room r WHERE r.kind = :kind"
                + (citySlug.isPresent() ? " AND r.space.city.slug = :city" : "") + " ORDER BY r.id DESC", Room.class)
                .setParameter("kind", kind).setFirstResult(first).setMaxResults(max);
        citySlug.ifPresent(city -> query.setParameter("city", city));
        return query.getResultList();
    }

    @Override
    public void removeRoom(Room room) {
        em.createQuery("DELETE FROM Sanction s WHERE s.roomId = :room").setParameter("room", room.id())
                .executeUpdate();
        em.remove(room);
    }

    @Override
    public Room addRoom(Room room) {
        em.persist(room);
        em.flush();
        return room;
    }

    @Override
    public void addAll(List<Room> firstRooms) {
        for (Room room : firstRooms) {
            em.persist(room.space());
            em.persist(room);
        }
        em.flush();
    }

    @Override
    public List<City> citiesWithoutSpace() {
        return em.createQuery("SELECT c FROM City c WHERE NOT EXISTS "
                + "(SELECT s FROM Space s WHERE s.city = c) ORDER BY c.id", City.class).getResultList();
    }
}
