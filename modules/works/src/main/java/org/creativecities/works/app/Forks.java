package org.creativecities.works.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.works.WorksException;
import org.creativecities.works.app.WorkDtos.ForkRequest;
import org.creativecities.works.domain.Classification;
import org.creativecities.works.domain.Licence;
import org.creativecities.works.domain.Work;
import org.creativecities.works.domain.WorkRepository;
import org.creativecities.works.domain.WorkVersion;

/**
 * Remix: anyone signed in forks a published work whose licence allows adaptations. The fork is a new draft of its
 * own, by the person who forked it, starting from the source's latest version, and records where it came from
 * (work and version). Its licence must be one that the source's licence allows for adaptations
 * ({@link Licence#adaptationsMayUse()}); any other choice is refused with the reason.
 */
@ApplicationScoped
public class Forks {

    @Inject
    private WorkRepository works;

    @Inject
    private WorkAccess access;

    @Inject
    private WorkInput input;

    @Inject
    private WorkService service;

    @Inject
    private People people;

    @Inject
    private TimeSource time;

    @Inject
    private Event<WorkChanged> changed;

    @Inject
    private Event<WorkActivity> activity;

    @Transactional
    public Work fork(Caller.Identity who, long sourceId, ForkRequest body) {
        Work source = access.readable(Optional.of(who), sourceId);
        if (!source.isPublished()) {
            throw WorksException.conflict("Not published", "Only published works can be forked.");
        }
        if (!source.licence().allowsDerivatives()) {
            throw WorksException.conflict("No adaptations allowed", "The work's licence ("
                    + source.licence().spdx() + ") does not allow adaptations.");
        }
        Licence licence = body == null || body.licence() == null ? source.licence().defaultForAdaptation()
                : input.licence("licence", body.licence());
        Optional<String> refusal = source.licence().adaptationRefusal(licence);
        if (refusal.isPresent()) {
            throw WorksException.invalid("licence", refusal.get());
        }
        String title = body == null || body.title() == null ? source.title() : input.title(body.title());
        WorkVersion from = service.latest(source);
        OffsetDateTime now = time.now();
        Work fork = new Work(source.kind(), title, licence, who.id(), people.homeCity(who.id()).orElse(null), now);
        fork.describe(source.summary().orElse(null), now);
        Classification kept = source.classification();
        fork.classify(kept.fieldIds(), kept.aboutCityIds(), Set.copyOf(kept.languages()), Set.copyOf(kept.tags()),
                now);
        fork.cover(source.coverMediaId().orElse(null), now);
        fork.derivedFrom(source.id(), from.number());
        works.add(fork);
        service.addVersion(who, fork, title, from.content(), "Forked from work " + source.id() + ", version "
                + from.number(), now);
        changed.fire(new WorkChanged(fork.id()));
        activity.fire(WorkActivity.fork(who, source, fork.id()));
        return fork;
    }
}
