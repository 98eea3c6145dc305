package org.creativecities.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** The media rows, in the media context's own persistence unit. */
@ApplicationScoped
public class MediaRepository {

    @PersistenceContext(unitName = "media")
    private EntityManager em;

    public Optional<Media> find(String id) {
        return Optional.ofNullable(em.find(Media.class, id));
    }

    /** The bytes an owner's media occupy, counted on the served files. */
    public long bytesUsedBy(MediaOwner owner) {
        Long used = owner.isPlugin()
                ? em.createQuery("SELECT SUM(m.sizeBytes) FROM Media m WHERE m.pluginId = :owner", Long.class)
                        .setParameter("owner", owner.pluginId()).getSingleResult()
                : em.createQuery("SELECT SUM(m.sizeBytes) FROM Media m WHERE m.ownerId = :owner", Long.class)
                        .setParameter("owner", owner.accountId()).getSingleResult();
        return used == null ? 0 : used;
    }

    /**
     * Stores a new upload unless it takes its owner past {@code quota} bytes.
     *
     * @return whether it was stored
     */
    @Transactional
    public boolean insertWithin(Media media, long quota) {
        if (bytesUsedBy(media.owner()) + media.sizeBytes() > quota) {
            return false;
        }
        em.persist(media);
        return true;
    }

    @Transactional
    public Optional<Media> describe(String id, String alt) {
        Media media = em.find(Media.class, id);
        if (media != null) {
            media.describe(alt);
        }
        return Optional.ofNullable(media);
    }

    @Transactional
    public void delete(String id) {
        Media media = em.find(Media.class, id);
        if (media != null) {
            em.remove(media);
        }
    }

    /** Whether any upload (or any upload's thumbnail) still refers to the stored file with this hash. */
    public boolean isReferenced(String sha256) {
        long files = em.createQuery("SELECT COUNT(m) FROM Media m WHERE m.sha256 = :h", Long.class)
                .setParameter("h", sha256).getSingleResult();
        if (files > 0) {
            return true;
        }
        Number thumbnails = (Number) em.createNativeQuery("SELECT COUNT(*) FROM media_variant WHERE sha256 = ?")
                .setParameter(1, sha256).getSingleResult();
        return thumbnails.longValue() > 0;
    }
}
