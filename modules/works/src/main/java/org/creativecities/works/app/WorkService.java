package org.creativecities.works.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.core.platform.web.Page;
import org.creativecities.core.platform.web.PageRequest;
import org.creativecities.core.space.Space;
import org.creativecities.works.WorksException;
import org.creativecities.works.app.WorkDtos.NewWork;
import org.creativecities.works.app.WorkDtos.WorkUpdate;
import org.creativecities.works.collab.CollabDocuments;
import org.creativecities.works.collab.CollabException;
import org.creativecities.works.domain.Licence;
import org.creativecities.works.domain.MediaRefs;
import org.creativecities.works.domain.Work;
import org.creativecities.works.domain.WorkRepository;
import org.creativecities.works.domain.WorkVersion;

/**
 * The use cases of a work's content: create, change (every change of content makes an immutable version), read,
 * list, the history and restoring an old version. Co-authors are in {@link CoAuthors}, deletion in
 * {@link WorkDeletion}, publication and forks in {@link Publishing} and {@link Forks}.
 */
@ApplicationScoped
public class WorkService {

    @Inject
    private WorkRepository works;

    @Inject
    private WorkAccess access;

    @Inject
    private WorkInput input;

    @Inject
    private People people;

    @Inject
    private WorkMedia media;

    @Inject
    private TimeSource time;

    @Inject
    private Event<WorkChanged> changed;

    @Inject
    private Event<WorkActivity> activity;

    @Inject
    private Instance<CollabDocuments> documents;

    @Transactional
    public Work create(Caller.Identity who, NewWork body) {
        if (body == null) {
            throw WorksException.invalid("body", "A work needs at least a title.");
        }
        String kind = input.kind(body.kind());
        String title = input.title(body.title());
        Licence licence = body.licence() == null ? Licence.DEFAULT : input.licence("licence", body.licence());
        String content = input.content(kind, body.content());
        OffsetDateTime now = time.now();
        Work work = new Work(kind, title, licence, who.id(), people.homeCity(who.id()).orElse(null), now);
        work.describe(input.summary(body.summary()), now);
        work.classify(orEmpty(input.fields(body.fields())), orEmpty(input.cities(body.cities())),
                orEmpty(input.languages(body.languages())), orEmpty(input.tags(body.tags())), now);
        Optional<String> cover = input.cover(body.cover());
        media.checkAttached(who, MediaRefs.of(cover, work.format(), content), Set.of());
        work.cover(cover.orElse(null), now);
        if (body.spaceId() != null || Boolean.TRUE.equals(body.open())) {
            placeIn(who, work, body.spaceId(), Boolean.TRUE.equals(body.open()));
        }
        works.add(work);
        addVersion(who, work, title, content, input.message(body.message()), now);
        changed.fire(new WorkChanged(work.id()));
        return work;
    }

    private static <T> Set<T> orEmpty(Set<T> values) {
        return values == null ? Set.of() : values;
    }

    private void placeIn(Caller.Identity who, Work work, Long spaceId, boolean open) {
        if (spaceId == null) {
            if (open) {
                throw WorksException.invalid("spaceId", "An open work needs the space whose members may join.");
            }
            work.placeIn(null, false, time.now());
            return;
        }
        Space space = access.readableSpace(who, spaceId);
        if (!access.isMember(who, space)) {
            throw WorksException.forbidden("Only members of " + space.name() + " can place a work there.");
        }
        work.placeIn(space.id(), open, time.now());
    }

    /** Applies a change; new content or a new title makes a new version, and resets pending consents. */
    @Transactional
    public Work update(Caller.Identity who, long id, WorkUpdate body) {
        if (body == null) {
            throw WorksException.invalid("body", "Nothing to change.");
        }
        input.contentShape(body.content());
        String kind = access.readable(Optional.of(who), id).kind();
        String content = body.content() == null ? null : input.content(kind, body.content());
        Work work = access.editable(who, id);
        OffsetDateTime now = time.now();
        String title = body.title() == null ? work.title() : input.title(body.title());
        String message = input.message(body.message());
        if (body.summary() != null) {
            work.describe(input.summary(body.summary()), now);
        }
        work.classify(input.fields(body.fields()), input.cities(body.cities()), input.languages(body.languages()),
                input.tags(body.tags()), now);
        Set<String> kept = MediaRefs.ids(MediaRefs.of(work.coverMediaId(), work.format(), latest(work).content()));
        if (content != null) {
            media.checkAttached(who, MediaRefs.of(Optional.empty(), work.format(), content), kept);
        }
        if (body.cover() != null) {
            Optional<String> cover = input.cover(body.cover());
            media.checkAttached(who, MediaRefs.of(cover, WorkVersion.MARKDOWN, ""), kept);
            work.cover(cover.orElse(null), now);
            checkPublishable(work, latest(work).content());
        }
        if (body.licence() != null) {
            Licence licence = input.licence("licence", body.licence());
            if (work.isPublished() && licence != work.licence()) {
                throw WorksException.conflict("Licence is fixed", "A published work keeps the licence it was "
                        + "published under (" + work.licence().spdx() + "): others may already rely on it.");
            }
            work.license(licence, now);
        }
        if (body.spaceId() != null || body.open() != null) {
            placeIn(who, work, body.spaceId() != null ? body.spaceId() : work.spaceId().orElse(null),
                    body.open() != null ? body.open() : work.isOpenToSpace());
        }
        if (content != null || !title.equals(work.title())) {
            WorkVersion latest = latest(work);
            addVersion(who, work, title, content == null ? latest.content() : content, message, now);
            activity.fire(WorkActivity.version(who, work));
        }
        changed.fire(new WorkChanged(work.id()));
        return work;
    }

    /** Writes the next version; a text work's live document gets the same text (when co-editing is there). */
    WorkVersion addVersion(Caller.Identity who, Work work, String title, String content, String message,
                           OffsetDateTime now) {
        checkPublishable(work, content);
        String stored = content;
        if (Work.TEXT.equals(work.kind()) && work.latestVersion() > 0 && documents.isResolvable()) {
            try {
                stored = documents.get().replace(work.id(), who.id(), content).text();
            } catch (CollabException refused) {
                // The live document refuses what the works would take (its limit is its own key): bad input.
                throw WorksException.invalid("content", refused.getMessage());
            }
        }
        return writeVersion(who, work, title, stored, message, now);
    }

    /** A published work stays publishable: every image it would use has alt text (409 otherwise). */
    private void checkPublishable(Work work, String content) {
        if (work.isPublished()) {
            media.requirePublishable(MediaRefs.of(work.coverMediaId(), work.format(), content));
        }
    }

    /** The next version, as given; a pending publication of an older version is superseded. */
    private WorkVersion writeVersion(Caller.Identity who, Work work, String title, String content, String message,
                                     OffsetDateTime now) {
        int number = work.latestVersion() + 1;
        WorkVersion version = works.addVersion(new WorkVersion(work.id(), number, title, work.format(), content,
                message, Set.of(who.id()), now));
        work.versioned(number, title, now);
        works.pendingPublication(work.id()).filter(p -> p.versionNumber() != number)
                .ifPresent(p -> p.supersede(now));
        return version;
    }

    /**
     * Saves the live document's current text as the next version of a text work (the editor's "save"), with the
     * caller as its author; nothing is written when the text is the latest version's. 409 when live co-editing is not
     * deployed or the work is not a text work.
     */
    @Transactional
    public Work saveLive(Caller.Identity who, long id, String message) {
        Work work = access.editable(who, id);
        if (!Work.TEXT.equals(work.kind())) {
            throw WorksException.conflict("Not a text work", "Only text works are edited live; change this work's "
                    + "content with PATCH.");
        }
        if (!documents.isResolvable()) {
            throw WorksException.conflict("No live document", "Live co-editing is not available on this server; "
                    + "save the text with PATCH.");
        }
        String text = documents.get().current(work.id()).text();
        WorkVersion latest = latest(work);
        if (!text.equals(latest.content())) {
            checkPublishable(work, text);
            writeVersion(who, work, work.title(), text, input.message(message), time.now());
            changed.fire(new WorkChanged(work.id()));
        }
        return work;
    }

    public WorkVersion latest(Work work) {
        return works.version(work.id(), work.latestVersion())
                .orElseThrow(() -> new IllegalStateException("work " + work.id() + " has no latest version"));
    }

    @Transactional
    public Work get(Optional<Caller.Identity> who, long id) {
        return access.readable(who, id);
    }

    /** A work for an administrator, deleted or not. */
    @Transactional
    public Work getAny(Optional<Caller.Identity> who, long id) {
        if (who.map(Caller.Identity::admin).orElse(false)) {
            return works.find(id).orElseThrow(() -> WorksException.notFound("Work", String.valueOf(id)));
        }
        return access.readable(who, id);
    }

    @Transactional
    public Page<Work> list(Optional<Caller.Identity> who, Optional<String> city, Optional<String> field,
                           Optional<Long> author, Optional<Work.Status> status, Optional<Long> spaceId,
                           PageRequest page) {
        Optional<Long> cityId = city.map(slug -> people.findCity(slug)
                .orElseThrow(() -> WorksException.notFound("City", slug)).id());
        Optional<Long> fieldId = field.map(slug -> people.findField(slug)
                .orElseThrow(() -> WorksException.notFound("Field", slug)).id());
        Optional<Space> space = spaceId.map(id -> access.readableSpace(who, id));
        boolean admin = who.map(Caller.Identity::admin).orElse(false);
        Set<Long> openIds = space.filter(s -> who.isPresent() && access.isMember(who.get(), s))
                .map(s -> works.openIn(s.id())).orElse(Set.of());
        WorkRepository.Query query = new WorkRepository.Query(cityId, fieldId, author, status,
                who.map(Caller.Identity::id), access.readableSpaces(who), admin, spaceId, openIds);
        return page.of(works.list(query, page.offset(), page.size()), works.count(query));
    }

    @Transactional
    public List<WorkVersion> versions(Optional<Caller.Identity> who, long id) {
        return works.versions(access.readable(who, id).id());
    }

    @Transactional
    public WorkVersion version(Optional<Caller.Identity> who, long id, int number) {
        Work work = access.readable(who, id);
        return works.version(work.id(), number).orElseThrow(() -> WorksException.notFound("Version",
                id + "/" + number));
    }

    /** An author restores version {@code number}: its title and content become a new version. */
    @Transactional
    public Work restoreVersion(Caller.Identity who, long id, int number) {
        Work work = access.editable(who, id);
        WorkVersion old = works.version(work.id(), number)
                .orElseThrow(() -> WorksException.notFound("Version", id + "/" + number));
        addVersion(who, work, old.title(), old.content(), "Restored version " + number, time.now());
        activity.fire(WorkActivity.version(who, work));
        changed.fire(new WorkChanged(work.id()));
        return work;
    }
}
