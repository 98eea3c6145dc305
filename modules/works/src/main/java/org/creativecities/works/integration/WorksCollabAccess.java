package org.creativecities.works.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.creativecities.core.identity.Caller;
import org.creativecities.works.app.WorkAccess;
import org.creativecities.works.collab.CollabAccess;
import org.creativecities.works.domain.Work;
import org.creativecities.works.domain.WorkRepository;
import org.creativecities.works.domain.WorkVersion;

/**
 * The works context's answers to live co-editing. Join: whoever may read the work (its authors; members of an open
 * work's space; its readers once published) joins, read-only unless they are an author. Edit: the authors of a text
 * work that is not deleted. Initial text: the latest version's text. Each call reads the database, so a change of
 * rights applies at the next join or update.
 */
@ApplicationScoped
public class WorksCollabAccess implements CollabAccess {

    @Inject
    private WorkRepository works;

    @Inject
    private WorkAccess access;

    @Override
    @Transactional
    public boolean mayJoin(long workId, long accountId) {
        Optional<Caller.Identity> who = access.identityOf(accountId);
        return who.isPresent() && textWork(workId).filter(w -> access.canRead(who, w)).isPresent();
    }

    @Override
    @Transactional
    public boolean mayEdit(long workId, long accountId) {
        return textWork(workId).filter(w -> w.isAuthor(accountId)).isPresent();
    }

    @Override
    @Transactional
    public Optional<String> initialText(long workId) {
        return textWork(workId).flatMap(w -> works.version(w.id(), w.latestVersion())).map(WorkVersion::content);
    }

    private Optional<Work> textWork(long workId) {
        return works.find(workId).filter(w -> !w.isDeleted()).filter(w -> Work.TEXT.equals(w.kind()));
    }
}
