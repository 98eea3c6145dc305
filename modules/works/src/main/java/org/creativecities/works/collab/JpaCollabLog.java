package org.creativecities.works.collab;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** {@link CollabLog} on the works unit, in portable SQL (H2 and PostgreSQL). */
@ApplicationScoped
public class JpaCollabLog implements CollabLog {

    @PersistenceContext(unitName = "works")
    private EntityManager em;

    @Override
    @Transactional
    public Optional<Stored> load(long workId) {
        List<?> rows = em.createNativeQuery("SELECT version, snapshot_version FROM collab_document WHERE work_id = ?")
                .setParameter(1, workId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        long version = ((Number) row[0]).longValue();
        long snapshotVersion = ((Number) row[1]).longValue();
        String text = text(em.createNativeQuery("SELECT body FROM collab_snapshot WHERE work_id = ? AND version = ?")
                .setParameter(1, workId).setParameter(2, snapshotVersion).getSingleResult());
        return Optional.of(new Stored(version, snapshotVersion, text, between(workId, snapshotVersion, version)));
    }

    /**
     * In a transaction of its own: a save through the REST API replaces the text from inside the works' transaction,
     * and the document's log, its memory and what editors received must not depend on that transaction's outcome.
     */
    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void append(long workId, long from, String initialText, long authorId, List<Pending> updates,
                       String snapshot) {
        long to = from + updates.size();
        if (from == 0) {
            try {
                em.createNativeQuery("INSERT INTO collab_document (work_id, version, snapshot_version, updated_at) "
                                + "VALUES (?, ?, 0, CURRENT_TIMESTAMP)")
                        .setParameter(1, workId).setParameter(2, to).executeUpdate();
            } catch (PersistenceException e) {
                throw new Conflict("The document of work " + workId + " exists already.");
            }
            insertSnapshot(workId, 0, initialText);
        } else {
            int changed = em.createNativeQuery("UPDATE collab_document SET version = ?, updated_at = CURRENT_TIMESTAMP "
                            + "WHERE work_id = ? AND version = ?")
                    .setParameter(1, to).setParameter(2, workId).setParameter(3, from).executeUpdate();
            if (changed != 1) {
                throw new Conflict("The document of work " + workId + " is not at version " + from + ".");
            }
        }
        long version = from;
        for (Pending u : updates) {
            version++;
            em.createNativeQuery("INSERT INTO collab_update (work_id, version, client_id, author_id, changes, "
                            + "created_at) VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP)")
                    .setParameter(1, workId).setParameter(2, version).setParameter(3, u.clientId())
                    .setParameter(4, authorId).setParameter(5, u.changes()).executeUpdate();
        }
        if (snapshot != null) {
            insertSnapshot(workId, to, snapshot);
            em.createNativeQuery("UPDATE collab_document SET snapshot_version = ? WHERE work_id = ?")
                    .setParameter(1, to).setParameter(2, workId).executeUpdate();
            em.createNativeQuery("DELETE FROM collab_snapshot WHERE work_id = ? AND version < ?")
                    .setParameter(1, workId).setParameter(2, to).executeUpdate();
        }
    }

    /** A text column's value: a string, or a CLOB where the database maps TEXT to one. */
    private static String text(Object value) {
        if (value instanceof java.sql.Clob clob) {
            try {
                return clob.getSubString(1, Math.toIntExact(clob.length()));
            } catch (java.sql.SQLException e) {
                throw new PersistenceException("Reading a text column failed", e);
            }
        }
        return (String) value;
    }

    private void insertSnapshot(long workId, long version, String text) {
        em.createNativeQuery("INSERT INTO collab_snapshot (work_id, version, body, created_at) "
                        + "VALUES (?, ?, ?, CURRENT_TIMESTAMP)")
                .setParameter(1, workId).setParameter(2, version).setParameter(3, text).executeUpdate();
    }

    @Override
    @Transactional
    public List<Logged> between(long workId, long after, long upTo) {
        List<?> rows = em.createNativeQuery("SELECT version, client_id, author_id, changes FROM collab_update "
                        + "WHERE work_id = ? AND version > ? AND version <= ? ORDER BY version")
                .setParameter(1, workId).setParameter(2, after).setParameter(3, upTo).getResultList();
        return rows.stream().map(r -> {
            Object[] row = (Object[]) r;
            return new Logged(((Number) row[0]).longValue(), (String) row[1], ((Number) row[2]).longValue(),
                    text(row[3]));
        }).toList();
    }
}
