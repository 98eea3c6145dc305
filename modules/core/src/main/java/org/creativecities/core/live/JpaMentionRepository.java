package org.creativecities.core.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.creativecities.core.identity.Account;
import org.creativecities.core.identity.Caller;

/** JPA implementation of {@link MentionRepository}. */
@ApplicationScoped
public class JpaMentionRepository implements MentionRepository {

    @PersistenceContext(unitName = "ccc")
    private EntityManager em;

    @Override
    public Mention add(Mention mention) {
        em.persist(mention);
        return mention;
    }

    @Override
    public Optional<Mention> find(long id) {
        return Optional.ofNullable(em.find(Mention.class, id));
    }

    @Override
    public List<Mention> of(long accountId, boolean unreadOnly, int offset, int limit) {
        return em.createQuery("SELECT m FROM Mention m WHERE m.accountId = :account"
                        + (unreadOnly ? " AND m.readAt IS NULL" : "") + " ORDER BY m.id DESC", Mention.class)
                .setParameter("account", accountId).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long count(long accountId, boolean unreadOnly) {
        return em.createQuery("SELECT COUNT(m) FROM Mention m WHERE m.accountId = :account"
                        + (unreadOnly ? " AND m.readAt IS NULL" : ""), Long.class)
                .setParameter("account", accountId).getSingleResult();
    }

    @Override
    public int markAllRead(long accountId, OffsetDateTime now) {
        List<Mention> unread = of(accountId, true, 0, Integer.MAX_VALUE);
        unread.forEach(m -> m.markRead(now));
        return unread.size();
    }

    @Override
    public List<Caller.Identity> people(Set<Long> ids, Set<String> lowerCaseNames) {
        List<Account> found = new ArrayList<>();
        if (!ids.isEmpty()) {
            found.addAll(em.createQuery("SELECT a FROM Account a WHERE a.id IN :ids", Account.class)
                    .setParameter("ids", ids).getResultList());
        }
        if (!lowerCaseNames.isEmpty()) {
            found.addAll(em.createQuery("SELECT a FROM Account a WHERE LOWER(a.displayName) IN :names", Account.class)
                    .setParameter("names", lowerCaseNames).getResultList());
        }
        return found.stream().distinct()
                .map(a -> new Caller.Identity(a.id(), a.displayName(), a.isAdmin(), null)).toList();
    }

    @Override
    public void deleteOfRoom(long roomId) {
        em.createQuery("DELETE FROM Mention e WHERE e.roomId = :room").setParameter("room", roomId).executeUpdate();
    }
}
