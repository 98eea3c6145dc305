package org.creativecities.works.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.core.space.Space;
import org.creativecities.works.WorksException;
import org.creativecities.works.app.WorkDtos.PublishRequest;
import org.creativecities.works.domain.Licence;
import org.creativecities.works.domain.MediaRefs;
import org.creativecities.works.domain.Publication;
import org.creativecities.works.domain.Work;
import org.creativecities.works.domain.WorkRepository;

/**
 * Publication by consent. The first author who asks proposes the terms (audience and licence) and agrees; each
 * other author agrees with one call; when every author has agreed, the work is published. A new version or other
 * terms start the agreement again (each author agreed to the work as it was); an author who joins meanwhile must
 * agree too. Every image the work uses needs alt text before anyone can ask or agree ({@link WorkMedia}).
 */
@ApplicationScoped
public class Publishing {

    @Inject
    private WorkRepository works;

    @Inject
    private WorkAccess access;

    @Inject
    private WorkInput input;

    @Inject
    private WorkMedia media;

    @Inject
    private TimeSource time;

    @Inject
    private Event<WorkChanged> changed;

    @Transactional
    public Work consent(Caller.Identity who, long id, PublishRequest body) {
        Work work = access.editable(who, id);
        if (work.isPublished()) {
            throw WorksException.conflict("Already published", "The work is already published.");
        }
        works.version(work.id(), work.latestVersion()).ifPresent(latest -> media.requirePublishable(
                MediaRefs.of(work.coverMediaId(), work.format(), latest.content())));
        OffsetDateTime now = time.now();
        Optional<Publication> pending = works.pendingPublication(work.id());
        Publication publication;
        if (pending.isPresent() && (body == null || noTerms(body) || sameTerms(who, pending.get(), body, work))) {
            publication = pending.get();
        } else {
            Terms terms = terms(who, body, work);
            pending.ifPresent(p -> p.supersede(now));
            publication = works.addPublication(new Publication(work.id(), work.latestVersion(), terms.audience,
                    terms.spaceId, terms.licence, who.id(), now));
        }
        publication.consent(who.id(), now);
        boolean everyone = work.authors().stream().allMatch(a -> publication.hasConsented(a.accountId()));
        if (everyone) {
            work.publish(publication.audience(), publication.spaceId().orElse(null), publication.licence(), now);
            publication.done(now);
        }
        changed.fire(new WorkChanged(work.id()));
        return work;
    }

    private static boolean noTerms(PublishRequest body) {
        return body.audience() == null && body.spaceId() == null && body.licence() == null;
    }

    private boolean sameTerms(Caller.Identity who, Publication pending, PublishRequest body, Work work) {
        Terms terms = terms(who, body, work);
        return pending.sameTerms(terms.audience, terms.spaceId, terms.licence);
    }

    private record Terms(Work.Audience audience, Long spaceId, Licence licence) {
    }

    private Terms terms(Caller.Identity who, PublishRequest body, Work work) {
        String audienceName = body == null || body.audience() == null ? "everyone"
                : body.audience().trim().toLowerCase(Locale.ROOT);
        Licence licence = body == null || body.licence() == null ? work.licence()
                : input.licence("licence", body.licence());
        if (!licence.publishable()) {
            throw WorksException.invalid("licence", "A published work needs an open licence: CC0-1.0, CC-BY-4.0, "
                    + "CC-BY-SA-4.0 or CC-BY-NC-4.0 ('all rights reserved' is for drafts only).");
        }
        switch (audienceName) {
            case "everyone":
                return new Terms(Work.Audience.EVERYONE, null, licence);
            case "space":
                Long spaceId = body.spaceId() != null ? body.spaceId() : work.spaceId().orElse(null);
                if (spaceId == null) {
                    throw WorksException.invalid("spaceId", "Name the space to publish to.");
                }
                Space space = access.readableSpace(who, spaceId);
                if (!access.isMember(who, space)) {
                    throw WorksException.forbidden("Only members of " + space.name() + " can publish to it.");
                }
                return new Terms(Work.Audience.SPACE, space.id(), licence);
            default:
                throw WorksException.invalid("audience", "'everyone' or 'space'.");
        }
    }
}
