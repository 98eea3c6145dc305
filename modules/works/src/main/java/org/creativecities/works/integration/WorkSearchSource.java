package org.creativecities.works.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.creativecities.core.identity.Caller;
import org.creativecities.search.SearchDocument;
import org.creativecities.search.SearchChanges;
import org.creativecities.search.SearchSource;
import org.creativecities.works.app.Attribution;
import org.creativecities.works.app.WorkAccess;
import org.creativecities.works.app.WorkChanged;
import org.creativecities.works.app.WorkDtos.CityRef;
import org.creativecities.works.app.WorkInput;
import org.creativecities.works.app.WorkService;
import org.creativecities.works.app.WorkViews;
import org.creativecities.works.domain.Work;
import org.creativecities.works.domain.WorkRepository;
import org.creativecities.works.domain.WorkVersion;
import org.creativecities.works.render.JsonOutline;

/**
 * Works for the search (kind {@code work}): title, summary, tags and the latest version's text. Who may find one:
 * {@code public} for a work published to everyone, {@code space:<id>} for one published to a space, and
 * {@code account:<id>} of each author for a draft. A caller holds {@code public}, their own {@code account:<id>},
 * and {@code space:<id>} of each space with published works they may read. Every committed change of a work is
 * announced through {@link SearchChanges}, in its transaction; a deleted work is no longer a document.
 */
@ApplicationScoped
public class WorkSearchSource implements SearchSource {

    public static final String KIND = "work";
    private static final int BATCH = 200;

    @Inject
    private WorkRepository works;

    @Inject
    private WorkService service;

    @Inject
    private WorkAccess access;

    @Inject
    private Attribution attribution;

    @Inject
    private WorkViews views;

    @Inject
    private SearchChanges searchChanges;

    /** In the changing transaction, so that the change is logged for the other nodes with it. */
    void changed(@Observes WorkChanged change) {
        searchChanges.changed(KIND, String.valueOf(change.workId()));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    @Transactional
    public void documents(Consumer<SearchDocument> sink) {
        for (int offset = 0; ; offset += BATCH) {
            List<Work> batch = works.allLive(offset, BATCH);
            batch.forEach(w -> sink.accept(document(w)));
            if (batch.size() < BATCH) {
                return;
            }
        }
    }

    @Override
    @Transactional
    public Optional<SearchDocument> document(String id) {
        long workId;
        try {
            workId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return works.find(workId).filter(w -> !w.isDeleted()).map(this::document);
    }

    private SearchDocument document(Work work) {
        WorkVersion latest = service.latest(work);
        StringBuilder text = new StringBuilder();
        work.summary().ifPresent(s -> text.append(s).append("\n\n"));
        if (!work.classification().tags().isEmpty()) {
            text.append(String.join(" ", work.classification().tags())).append("\n\n");
        }
        text.append(attribution.authorNames(work).stream().reduce((a, b) -> a + ", " + b).orElse("")).append("\n\n");
        text.append(WorkVersion.JSON.equals(latest.format())
                ? JsonOutline.plainText(WorkInput.shown(latest)) : latest.content());
        return new SearchDocument(KIND, String.valueOf(work.id()), work.title(), text.toString(),
                "/works/" + work.id(), Set.copyOf(views.fieldSlugs(work)),
                Set.copyOf(attribution.cities(work).stream().map(CityRef::slug).toList()), audienceTokens(work),
                work.updatedAt().toInstant());
    }

    static Set<String> audienceTokens(Work work) {
        Set<String> tokens = new LinkedHashSet<>();
        if (work.isPublished() && work.audience().orElse(Work.Audience.EVERYONE) == Work.Audience.EVERYONE) {
            tokens.add("public");
        } else if (work.isPublished()) {
            work.spaceId().ifPresent(s -> tokens.add("space:" + s));
        } else {
            work.authors().forEach(a -> tokens.add("account:" + a.accountId()));
        }
        return tokens;
    }

    @Override
    @Transactional
    public String version() {
        return works.fingerprint();
    }

    @Override
    @Transactional
    public Set<String> audience(Optional<Long> accountId) {
        Optional<Caller.Identity> who = accountId.flatMap(access::identityOf);
        Set<String> tokens = new LinkedHashSet<>();
        tokens.add("public");
        who.ifPresent(w -> tokens.add("account:" + w.id()));
        access.readableSpaces(who).forEach(s -> tokens.add("space:" + s));
        return tokens;
    }
}
