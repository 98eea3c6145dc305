package org.creativecities.core.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.creativecities.core.city.City;
import org.creativecities.core.city.CreativeField;
import org.creativecities.core.identity.Account;
import org.creativecities.core.membership.Membership;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.core.space.Room;
import org.creativecities.core.space.Sanction;
import org.creativecities.core.space.Space;

/** JPA implementation of {@link MessageReads}: each method reads committed rows in a transaction of its own. */
@ApplicationScoped
@Transactional
public class JpaMessageReads implements MessageReads {

    private static final String LIVE_MESSAGE = "e.eventType = 'message' AND e.deleted = false";

    @PersistenceContext(unitName = "ccc")
    private EntityManager em;

    @Inject
    private TimeSource time;

    @Override
    public List<StoredMessage> messagesAfter(long afterEventId, int limit) {
        return em.createQuery("SELECT e.id, e FROM RoomEvent e WHERE e.id > :after AND " + LIVE_MESSAGE
                        + " ORDER BY e.id", Object[].class)
                .setParameter("after", afterEventId).setMaxResults(limit).getResultStream()
                .map(JpaMessageReads::stored).toList();
    }

    @Override
    public List<StoredMessage> messagesOfRoom(long roomId, long afterSeq, int limit) {
        return em.createQuery("SELECT e.id, e FROM RoomEvent e WHERE e.roomId = :room AND e.seq > :seq AND "
                        + LIVE_MESSAGE + " ORDER BY e.seq", Object[].class)
                .setParameter("room", roomId).setParameter("seq", afterSeq).setMaxResults(limit).getResultStream()
                .map(JpaMessageReads::stored).toList();
    }

    @Override
    public Optional<StoredMessage> message(long roomId, long seq) {
        return em.createQuery("SELECT e.id, e FROM RoomEvent e WHERE e.roomId = :room AND e.seq = :seq AND "
                        + LIVE_MESSAGE, Object[].class)
                .setParameter("room", roomId).setParameter("seq", seq).getResultStream().findFirst()
                .map(JpaMessageReads::stored);
    }

    /** A row of {@code SELECT e.id, e}: the entity has no public id, which nothing else needs. */
    private static StoredMessage stored(Object[] row) {
        RoomEvent e = (RoomEvent) row[1];
        return new StoredMessage(((Number) row[0]).longValue(), e.roomId(), e.seq(), e.authorId(), e.authorName(), e.text().orElse(""),
                e.createdAt(), e.editedAt());
    }

    @Override
    public Optional<RoomAccess> room(long roomId) {
        return Optional.ofNullable(em.find(Room.class, roomId)).map(r -> {
            Space s = r.space();
            Optional<String> field = s.fieldSlug().or(() -> s.city().flatMap(City::currentField)
                    .map(CreativeField::slug));
            return new RoomAccess(r.id(), r.name(), s.id(), s.name(), s.visibility() == Space.Visibility.PUBLIC,
                    s.city().map(City::slug), field, s.fieldSlug().isPresent());
        });
    }

    @Override
    public Set<Long> publicSpaces() {
        return Set.copyOf(em.createQuery("SELECT s.id FROM Space s WHERE s.visibility = :public", Long.class)
                .setParameter("public", Space.Visibility.PUBLIC).getResultList());
    }

    @Override
    public Optional<Reader> reader(long accountId) {
        Account account = em.find(Account.class, accountId);
        if (account == null) {
            return Optional.empty();
        }
        Set<String> cities = new HashSet<>();
        Set<String> fields = new HashSet<>();
        em.createQuery("SELECT m FROM Membership m WHERE m.account.id = :account", Membership.class)
                .setParameter("account", accountId).getResultStream().filter(Membership::isActive).forEach(m -> {
                    cities.add(m.city().slug());
                    m.city().currentField().ifPresent(f -> fields.add(f.slug()));
                });
        Set<Long> bannedSpaces = new HashSet<>();
        Set<Long> bannedRooms = new HashSet<>();
        OffsetDateTime now = time.now();
        em.createQuery("SELECT s FROM Sanction s WHERE s.accountId = :account AND s.kind = :ban", Sanction.class)
                .setParameter("account", accountId).setParameter("ban", Sanction.Kind.BAN).getResultStream()
                .filter(s -> s.until().map(u -> u.isAfter(now)).orElse(true))
                .forEach(s -> s.roomId().ifPresentOrElse(bannedRooms::add, () -> bannedSpaces.add(s.spaceId())));
        return Optional.of(new Reader(account.isAdmin(), Set.copyOf(cities), Set.copyOf(fields),
                Set.copyOf(bannedSpaces), Set.copyOf(bannedRooms)));
    }

    @Override
    public String fingerprint() {
        Object[] events = em.createQuery("SELECT COUNT(e), MAX(e.id) FROM RoomEvent e WHERE e.eventType IN "
                + "('message', 'edit', 'delete')", Object[].class).getSingleResult();
        return "messages:" + events[0] + ":" + events[1];
    }
}
