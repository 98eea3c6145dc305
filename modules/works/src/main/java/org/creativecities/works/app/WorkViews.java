package org.creativecities.works.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.creativecities.core.identity.Caller;
import org.creativecities.media.MediaInfo;
import org.creativecities.works.app.WorkDtos.AuthorView;
import org.creativecities.works.app.WorkDtos.CityRef;
import org.creativecities.works.app.WorkDtos.DerivedFromView;
import org.creativecities.works.app.WorkDtos.LicenceView;
import org.creativecities.works.app.WorkDtos.PersonRef;
import org.creativecities.works.app.WorkDtos.PublicationView;
import org.creativecities.works.app.WorkDtos.VersionDetail;
import org.creativecities.works.app.WorkDtos.VersionView;
import org.creativecities.works.app.WorkDtos.WorkSummary;
import org.creativecities.works.app.WorkDtos.WorkView;
import org.creativecities.works.domain.Licence;
import org.creativecities.works.domain.Publication;
import org.creativecities.works.domain.Work;
import org.creativecities.works.domain.WorkAuthor;
import org.creativecities.works.domain.WorkRepository;
import org.creativecities.works.domain.WorkVersion;
import org.creativecities.works.markdown.WorkRenderer;

/** Builds the API's representations of works and versions, for the caller who asks. */
@ApplicationScoped
public class WorkViews {

    @Inject
    private WorkRepository works;

    @Inject
    private WorkService service;

    @Inject
    private People people;

    @Inject
    private Attribution attribution;

    @Inject
    private Lineage lineage;

    public static LicenceView licence(Licence l) {
        return new LicenceView(l.spdx(), l.shortName(), l.url());
    }

    /** The path of a work's public page (see {@code PublicWorkServlet}). */
    public static String pageUrl(long id) {
        return "/works/" + id + ".html";
    }

    @Inject
    private WorkMedia media;

    @Transactional
    public WorkView view(Optional<Caller.Identity> who, Work work) {
        WorkVersion latest = service.latest(work);
        Map<Long, People.Person> names = people.people(work.authors().stream().map(WorkAuthor::accountId).toList());
        List<AuthorView> authors = new ArrayList<>();
        for (WorkAuthor a : work.authors()) {
            authors.add(new AuthorView(a.accountId(), name(names, a.accountId()), a.role().name(),
                    a.cityId().flatMap(people::city).map(c -> new CityRef(c.slug(), c.name())).orElse(null),
                    a.joinedAt()));
        }
        PublicationView publication = works.pendingPublication(work.id()).map(p -> publication(work, p, names))
                .orElse(null);
        DerivedFromView derivedFrom = work.derivedFromWorkId().flatMap(works::find).map(s -> {
            int v = work.derivedFromVersion().orElse(1);
            String title = works.version(s.id(), v).map(WorkVersion::title).orElse(s.title());
            return new DerivedFromView(s.id(), v, title, attribution.of(s, title));
        }).orElse(null);
        boolean canEdit = who.map(w -> work.isAuthor(w.id())).orElse(false) && !work.isDeleted();
        JsonValue content = WorkInput.shown(latest);
        Map<String, String> alts = mediaAlt(work, latest);
        return new WorkView(work.id(), work.kind(), work.title(), work.summary().orElse(null), work.status().name(),
                licence(work.licence()), work.audience().map(Enum::name).orElse(null), work.spaceId().orElse(null),
                work.isOpenToSpace(), work.coverMediaId().orElse(null), fieldSlugs(work), attribution.cities(work),
                work.classification().languages(), work.classification().tags(), authors, latest.number(),
                latest.format(), content, html(work, content, alts), attribution.of(work, work.title()),
                publication, derivedFrom, lineage.of(who, work), canEdit, pageUrl(work.id()), work.createdAt(),
                work.updatedAt(), work.publishedAt().orElse(null), work.deletedAt().orElse(null), alts);
    }

    /** A text work's safe HTML, as its first view and public page render it; {@code null} for the other kinds. */
    private static String html(Work work, JsonValue content, Map<String, String> alts) {
        return "text".equals(work.kind()) && content instanceof JsonString text
                ? WorkRenderer.html(text.getString(), alts) : null;
    }

    /** The stored alt text of each described image the work shows, by media id: what readers hear, not a file name. */
    private Map<String, String> mediaAlt(Work work, WorkVersion latest) {
        Map<String, String> alts = new LinkedHashMap<>();
        for (MediaInfo m : media.used(work, latest)) {
            m.alt().ifPresent(alt -> alts.put(m.id(), alt));
        }
        return alts;
    }

    private PublicationView publication(Work work, Publication p, Map<Long, People.Person> names) {
        List<PersonRef> consented = new ArrayList<>();
        List<PersonRef> pending = new ArrayList<>();
        for (WorkAuthor a : work.authors()) {
            PersonRef ref = new PersonRef(a.accountId(), name(names, a.accountId()));
            (p.hasConsented(a.accountId()) ? consented : pending).add(ref);
        }
        return new PublicationView(p.id(), p.versionNumber(), p.audience().name(), p.spaceId().orElse(null),
                licence(p.licence()), p.state().name(), consented, pending, p.requestedAt());
    }

    private static String name(Map<Long, People.Person> names, long id) {
        return names.containsKey(id) ? names.get(id).displayName() : "someone";
    }

    public List<String> fieldSlugs(Work work) {
        Map<Long, String> slugs = people.fieldSlugs();
        return work.classification().fieldIds().stream().sorted().map(slugs::get)
                .filter(java.util.Objects::nonNull).toList();
    }

    @Transactional
    public WorkSummary summary(Work work) {
        Map<Long, People.Person> names = people.people(work.authors().stream().map(WorkAuthor::accountId).toList());
        return new WorkSummary(work.id(), work.kind(), work.title(), work.summary().orElse(null),
                work.status().name(), licence(work.licence()), work.audience().map(Enum::name).orElse(null),
                fieldSlugs(work), attribution.cities(work), work.authors().stream()
                .map(a -> new PersonRef(a.accountId(), name(names, a.accountId()))).toList(),
                work.latestVersion(), attribution.of(work, work.title()), work.updatedAt(),
                work.publishedAt().orElse(null));
    }

    @Transactional
    public VersionView version(WorkVersion v) {
        return new VersionView(v.number(), v.title(), v.message().orElse(null), refs(v), v.createdAt());
    }

    @Transactional
    public VersionDetail detail(WorkVersion v) {
        return new VersionDetail(v.number(), v.title(), v.message().orElse(null), refs(v), v.createdAt(),
                v.format(), WorkInput.shown(v));
    }

    private List<PersonRef> refs(WorkVersion v) {
        Map<Long, People.Person> names = people.people(v.authorIds());
        return v.authorIds().stream().sorted().map(id -> new PersonRef(id, name(names, id))).toList();
    }
}
