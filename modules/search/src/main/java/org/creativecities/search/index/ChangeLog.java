package org.creativecities.search.index;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.creativecities.core.platform.persistence.SharedDatabase;

/**
 * The shared change log of the search ({@code search_change}): one row per changed document (or whole kind), with
 * an id that only grows, written in the changing transaction by {@link org.creativecities.search.SearchChanges}, and
 * followed by every node ({@link ChangeFollower}). Each row names the process that wrote it, which applied the change
 * itself. Kept only on a database that several nodes may share ({@link SharedDatabase#isShared()}): an embedded H2
 * database has one node, which needs no log.
 */
@ApplicationScoped
public class ChangeLog {

    private static final Logger LOG = Logger.getLogger(ChangeLog.class.getName());
    /** Ids per {@code IN} list. */
    private static final int IN_CHUNK = 500;

    /** One logged change. {@code docId} is null for the whole kind. */
    public record Row(long id, String kind, String docId, String node) {
    }

    @PersistenceContext(unitName = "search")
    private EntityManager em;

    @Inject
    private SharedDatabase database;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    private TransactionSynchronizationRegistry transactions;

    /** This process: a new name at every start, so that a restarted node applies what its last run logged. */
    private final String node = UUID.randomUUID().toString();
    private volatile Boolean enabled;

    /** Whether changes are logged and followed: on a database that several nodes may share. */
    public boolean enabled() {
        Boolean e = enabled;
        if (e == null) {
            e = database.isShared();
            enabled = e;
        }
        return e;
    }

    /** This process's name in the log. */
    String node() {
        return node;
    }

    /**
     * Logs a change in the current transaction (a new one when there is none). Called when a transaction has
     * already completed (an observer of its success), it logs nothing and says so: the other nodes then see the
     * change only when they rebuild.
     */
    @Transactional
    public void record(String kind, String docId) {
        if (!enabled()) {
            return;
        }
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            LOG.warning(() -> "Search: a " + kind + " change was announced after its transaction; other nodes do not "
                    + "see it until they rebuild the kind");
            return;
        }
        Query insert = docId == null
                ? em.createNativeQuery("INSERT INTO search_change (kind, node) VALUES (?1, ?2)")
                : em.createNativeQuery("INSERT INTO search_change (kind, node, doc_id) VALUES (?1, ?2, ?3)")
                        .setParameter(3, docId);
        insert.setParameter(1, kind).setParameter(2, node).executeUpdate();
    }

    /** Up to {@code max} rows after {@code id}, in id order. */
    @Transactional
    List<Row> after(long id, int max) {
        return em.createQuery("SELECT c FROM LoggedChange c WHERE c.id > :id ORDER BY c.id", LoggedChange.class)
                .setParameter("id", id).setMaxResults(max).getResultStream().map(LoggedChange::row).toList();
    }

    /** The rows of these ids that exist now. */
    @Transactional
    List<Row> withIds(Collection<Long> ids) {
        List<Long> all = List.copyOf(ids);
        List<Row> out = new ArrayList<>();
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            em.createQuery("SELECT c FROM LoggedChange c WHERE c.id IN :ids ORDER BY c.id", LoggedChange.class)
                    .setParameter("ids", all.subList(from, Math.min(all.size(), from + IN_CHUNK))).getResultStream()
                    .map(LoggedChange::row).forEach(out::add);
        }
        return out;
    }

    /** The highest id logged so far (0 when the log is empty). */
    @Transactional
    long highestId() {
        Long max = em.createQuery("SELECT MAX(c.id) FROM LoggedChange c", Long.class).getSingleResult();
        return max == null ? 0 : max;
    }

    /** Deletes the rows recorded before {@code before}; answers how many. */
    @Transactional
    int prune(OffsetDateTime before) {
        return em.createQuery("DELETE FROM LoggedChange c WHERE c.recordedAt < :before").setParameter("before", before)
                .executeUpdate();
    }
}
