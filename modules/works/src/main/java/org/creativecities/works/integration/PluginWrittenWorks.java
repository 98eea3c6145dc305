package org.creativecities.works.integration;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.core.plugin.PluginWorkStore;
import org.creativecities.plugin.api.work.PluginWork;
import org.creativecities.plugin.api.work.PluginWorkException;
import org.creativecities.plugin.api.work.PluginWorkException.Reason;
import org.creativecities.plugin.api.work.PluginWorks;
import org.creativecities.works.WorksException;
import org.creativecities.works.app.People;
import org.creativecities.works.app.WorkAccess;
import org.creativecities.works.app.WorkDtos.NewWork;
import org.creativecities.works.app.WorkDtos.WorkUpdate;
import org.creativecities.works.app.WorkService;
import org.creativecities.works.domain.Work;
import org.creativecities.works.domain.WorkAuthor;
import org.creativecities.works.domain.WorkRepository;
import org.creativecities.works.domain.WorkVersion;

/**
 * Works written by plugins (plugin API 1.3, {@code works.write}): the works context's side of the core's
 * {@link PluginWorkStore}. A plugin's work is created and changed through {@link WorkService} exactly as a person's
 * through the REST API, with the person the plugin acts for as the caller, so the same validation, versions, search
 * indexing and events apply; the table {@code plugin_work} only records which plugin created it, the one plugin
 * that may add versions to it here. Adding a version first makes its author a co-author. Refusals of the works
 * become {@link PluginWorkException}s with the message people get from the REST API.
 */
@ApplicationScoped
public class PluginWrittenWorks implements PluginWorkStore {

    @PersistenceContext(unitName = "works")
    private EntityManager em;

    @Inject
    private WorkService service;

    @Inject
    private WorkAccess access;

    @Inject
    private WorkRepository works;

    @Inject
    private People people;

    @Inject
    private TimeSource time;

    @Override
    @Transactional
    public PluginWork create(String pluginId, String citySlug, String kind, String title, String content,
                             String message, long authorId) {
        Caller.Identity who = person(authorId);
        if (!PluginWorks.TEXT.equals(kind) && !PluginWorks.COLLECTION.equals(kind)) {
            throw new PluginWorkException(Reason.INVALID, "kind: a plugin writes works of the core's kinds, '"
                    + PluginWorks.TEXT + "' or '" + PluginWorks.COLLECTION + "'.");
        }
        if (citySlug == null || citySlug.isBlank()) {
            throw new PluginWorkException(Reason.INVALID, "cities: a plugin's work is about a city.");
        }
        try {
            Work work = service.create(who, new NewWork(kind, title, null, content(kind, content), null,
                    List.of(citySlug), null, null, null, null, null, null, message));
            em.createNativeQuery("INSERT INTO plugin_work (work_id, plugin_id, created_at) VALUES (?1, ?2, ?3)")
                    .setParameter(1, work.id()).setParameter(2, pluginId).setParameter(3, time.now())
                    .executeUpdate();
            return view(work);
        } catch (WorksException e) {
            throw refused(e);
        }
    }

    @Override
    @Transactional
    public PluginWork addVersion(String pluginId, long workId, String content, String message, long authorId) {
        Caller.Identity who = person(authorId);
        Work work = owned(pluginId, workId).flatMap(id -> works.lock(id)).filter(w -> !w.isDeleted())
                .orElseThrow(() -> notFound(workId));
        try {
            if (!work.isAuthor(authorId)) {
                work.addAuthor(authorId, people.homeCity(authorId).orElse(null), time.now());
            }
            return view(service.update(who, workId, new WorkUpdate(null, null, content(work.kind(), content),
                    message, null, null, null, null, null, null, null, null)));
        } catch (WorksException e) {
            throw refused(e);
        }
    }

    @Override
    @Transactional
    public Optional<PluginWork> find(String pluginId, long workId) {
        return owned(pluginId, workId).flatMap(works::find).filter(w -> !w.isDeleted()).map(this::view);
    }

    private Optional<Long> owned(String pluginId, long workId) {
        List<?> rows = em.createNativeQuery("SELECT work_id FROM plugin_work WHERE work_id = ?1 AND plugin_id = ?2")
                .setParameter(1, workId).setParameter(2, pluginId).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(workId);
    }

    private Caller.Identity person(long accountId) {
        return access.identityOf(accountId).orElseThrow(() -> new PluginWorkException(Reason.UNKNOWN_PERSON,
                "No account with id " + accountId + "."));
    }

    private static JsonValue content(String kind, String content) {
        if (content == null) {
            return JsonValue.NULL;
        }
        if (PluginWorks.TEXT.equals(kind)) {
            return Json.createValue(content);
        }
        try (var reader = Json.createReader(new StringReader(content))) {
            return reader.readValue();
        } catch (JsonException e) {
            throw new PluginWorkException(Reason.INVALID, "content: a collection's content is a JSON object.");
        }
    }

    private PluginWork view(Work work) {
        WorkVersion latest = service.latest(work);
        return new PluginWork(work.id(), work.kind(), latest.title(), latest.content(), latest.number(),
                work.authors().stream().map(WorkAuthor::accountId).toList(), "/api/works/" + work.id());
    }

    private static PluginWorkException notFound(long workId) {
        return new PluginWorkException(Reason.NOT_FOUND, "No work with id '" + workId + "' written by this plugin.");
    }

    private static PluginWorkException refused(WorksException e) {
        Reason reason = switch (e.status()) {
            case 400 -> Reason.INVALID;
            case 404 -> Reason.NOT_FOUND;
            default -> Reason.CONFLICT;
        };
        return new PluginWorkException(reason, e.getMessage());
    }
}
