package org.creativecities.works.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A request to publish one version of a work to an audience under a licence. Every author gives a one-click
 * consent; when all have, the work is published and the request is done. Saving a new version before that
 * supersedes it: consents were given to the content as it was.
 */
@Entity
@Table(name = "work_publication")
public class Publication {

    public enum State { PENDING, DONE, SUPERSEDED }

    /** One author's consent. */
    @Embeddable
    public static class Consent {
        @Column(name = "account_id", nullable = false)
        private long accountId;

        @Column(name = "consented_at", nullable = false)
        private OffsetDateTime consentedAt;

        protected Consent() {
        }

        Consent(long accountId, OffsetDateTime consentedAt) {
            this.accountId = accountId;
            this.consentedAt = consentedAt;
        }

        public long accountId() {
            return accountId;
        }

        public OffsetDateTime consentedAt() {
            return consentedAt;
        }
    }

    @Id
    @SequenceGenerator(name = "work_publication_seq", sequenceName = "work_publication_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "work_publication_seq")
    private Long id;

    @Column(name = "work_id", nullable = false)
    private long workId;

    @Column(name = "version_number", nullable = false)
    private int versionNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Work.Audience audience;

    @Column(name = "space_id")
    private Long spaceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Licence licence;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Column(name = "requested_by", nullable = false)
    private long requestedBy;

    @Column(name = "requested_at", nullable = false)
    private OffsetDateTime requestedAt;

    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "work_consent", joinColumns = @JoinColumn(name = "publication_id"))
    private List<Consent> consents = new ArrayList<>();

    protected Publication() {
    }

    public Publication(long workId, int versionNumber, Work.Audience audience, Long spaceId, Licence licence,
                       long requestedBy, OffsetDateTime now) {
        this.workId = workId;
        this.versionNumber = versionNumber;
        this.audience = audience;
        this.spaceId = spaceId;
        this.licence = licence;
        this.state = State.PENDING;
        this.requestedBy = requestedBy;
        this.requestedAt = now;
    }

    /** Whether this request is for the same terms. */
    public boolean sameTerms(Work.Audience otherAudience, Long otherSpace, Licence otherLicence) {
        return audience == otherAudience && licence == otherLicence
                && (audience != Work.Audience.SPACE || java.util.Objects.equals(spaceId, otherSpace));
    }

    public void consent(long accountId, OffsetDateTime now) {
        if (!hasConsented(accountId)) {
            consents.add(new Consent(accountId, now));
        }
    }

    public boolean hasConsented(long accountId) {
        return consents.stream().anyMatch(c -> c.accountId() == accountId);
    }

    public void done(OffsetDateTime now) {
        this.state = State.DONE;
        this.decidedAt = now;
    }

    public void supersede(OffsetDateTime now) {
        this.state = State.SUPERSEDED;
        this.decidedAt = now;
    }

    public Long id() {
        return id;
    }

    public long workId() {
        return workId;
    }

    public int versionNumber() {
        return versionNumber;
    }

    public Work.Audience audience() {
        return audience;
    }

    public Optional<Long> spaceId() {
        return Optional.ofNullable(spaceId);
    }

    public Licence licence() {
        return licence;
    }

    public State state() {
        return state;
    }

    public long requestedBy() {
        return requestedBy;
    }

    public OffsetDateTime requestedAt() {
        return requestedAt;
    }

    public List<Consent> consents() {
        return List.copyOf(consents);
    }
}
