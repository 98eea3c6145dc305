package org.creativecities.notifications.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.creativecities.core.platform.TimeSource;

/** JPA implementation of {@link MailSettingsRepository}. */
@ApplicationScoped
class JpaMailSettingsRepository implements MailSettingsRepository {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "notifications")
    private EntityManager em;

    @Inject
    private TimeSource time;

    @Override
    public MailSettings get() {
        MailSettings found = em.find(MailSettings.class, MailSettings.ID);
        if (found != null) {
            return found;
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        MailSettings made = new MailSettings(HexFormat.of().formatHex(secret), time.now());
        em.persist(made);
        return made;
    }
}
