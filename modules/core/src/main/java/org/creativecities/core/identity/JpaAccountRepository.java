package org.creativecities.core.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** JPA implementation of {@link AccountRepository}. */
@ApplicationScoped
public class JpaAccountRepository implements AccountRepository {

    @PersistenceContext(unitName = "ccc")
    private EntityManager em;

    @Override
    public Optional<Account> findById(long id) {
        return Optional.ofNullable(em.find(Account.class, id));
    }

    @Override
    public Optional<Account> findByEmail(String email) {
        return em.createQuery("SELECT a FROM Account a WHERE a.emailNormalized = :email", Account.class)
                .setParameter("email", Account.normalize(email))
                .getResultStream().findFirst();
    }

    @Override
    public List<Account> findByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT a FROM Account a WHERE a.id IN :ids", Account.class)
                .setParameter("ids", ids).getResultList();
    }

    @Override
    public List<Account> search(String text, int offset, int limit) {
        return em.createQuery("SELECT a FROM Account a WHERE LOWER(a.emailNormalized) LIKE :t "
                        + "OR LOWER(a.displayName) LIKE :t ORDER BY a.id DESC", Account.class)
                .setParameter("t", like(text)).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long countMatching(String text) {
        return em.createQuery("SELECT COUNT(a) FROM Account a WHERE LOWER(a.emailNormalized) LIKE :t "
                        + "OR LOWER(a.displayName) LIKE :t", Long.class)
                .setParameter("t", like(text)).getSingleResult();
    }

    private static String like(String text) {
        String t = text == null ? "" : text.toLowerCase(Locale.ROOT).replace("\\", "").replace("%", "")
                .replace("_", "");
        return "%" + t + "%";
    }

    @Override
    public long count() {
        return em.createQuery("SELECT COUNT(a) FROM Account a", Long.class).getSingleResult();
    }

    @Override
    public Account add(Account account) {
        em.persist(account);
        em.flush();
        return account;
    }

    @Override
    public void addToken(AuthToken token) {
        em.persist(token);
    }

    @Override
    public Optional<AuthToken> findActiveToken(String tokenHash, OffsetDateTime now) {
        return em.createNamedQuery("AuthToken.active", AuthToken.class)
                .setParameter("hash", tokenHash).setParameter("now", now)
                .getResultStream().findFirst();
    }

    @Override
    public void revokeToken(String tokenHash, OffsetDateTime now) {
        em.createNamedQuery("AuthToken.revoke").setParameter("hash", tokenHash).setParameter("now", now)
                .executeUpdate();
    }

    @Override
    public int revokeAllTokens(long accountId, OffsetDateTime now) {
        return em.createNamedQuery("AuthToken.revokeAll").setParameter("account", accountId)
                .setParameter("now", now).executeUpdate();
    }
}
