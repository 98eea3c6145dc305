package org.creativecities.works.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.creativecities.core.identity.Caller;
import org.creativecities.works.app.WorkAccess;
import org.creativecities.works.domain.Licence;
import org.creativecities.works.domain.Publication;
import org.creativecities.works.domain.Work;
import org.creativecities.works.domain.WorkRepository;
import org.creativecities.works.domain.WorkVersion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CollabAccess's answers from works held in memory: who joins, who edits, the text a document starts from. */
class WorksCollabAccessTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-04T20:00:00Z");
    private static final long ANA = 1;
    private static final long BEN = 2;
    private static final long STRANGER = 3;

    private final Map<Long, Work> works = new HashMap<>();
    private final Map<Long, WorkVersion> latest = new HashMap<>();
    private WorksCollabAccess collab;

    private static void set(Class<?> owner, Object target, String field, Object value)
            throws ReflectiveOperationException {
        Field f = owner.getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }

    private long add(long id, Work work, String text) throws ReflectiveOperationException {
        Field f = Work.class.getDeclaredField("id");
        f.setAccessible(true);
        f.set(work, id);
        works.put(id, work);
        work.versioned(1, work.title(), NOW);
        latest.put(id, new WorkVersion(id, 1, work.title(), work.format(), text, null, Set.of(ANA), NOW));
        return id;
    }

    @BeforeEach
    void setUp() throws ReflectiveOperationException {
        WorkRepository repository = new InMemory();
        WorkAccess access = new WorkAccess() {
            @Override
            public Optional<Caller.Identity> identityOf(long accountId) {
                return Optional.of(new Caller.Identity(accountId, "person " + accountId, false, null));
            }
        };
        set(WorkAccess.class, access, "works", repository);
        collab = new WorksCollabAccess();
        set(WorksCollabAccess.class, collab, "works", repository);
        set(WorksCollabAccess.class, collab, "access", access);
    }

    @Test
    void authorsJoinAndEditOthersDoNotSeeADraft() throws ReflectiveOperationException {
        Work draft = new Work(Work.TEXT, "Draft", Licence.DEFAULT, ANA, null, NOW);
        draft.addAuthor(BEN, null, NOW);
        long id = add(10, draft, "hello");
        assertTrue(collab.mayJoin(id, ANA));
        assertTrue(collab.mayEdit(id, BEN));
        assertFalse(collab.mayJoin(id, STRANGER));
        assertFalse(collab.mayEdit(id, STRANGER));
        assertEquals(Optional.of("hello"), collab.initialText(id));
        assertFalse(collab.mayJoin(99, ANA), "no such work");
        assertEquals(Optional.empty(), collab.initialText(99));
    }

    @Test
    void readersOfAPublicWorkJoinReadOnly() throws ReflectiveOperationException {
        Work published = new Work(Work.TEXT, "Public", Licence.DEFAULT, ANA, null, NOW);
        published.publish(Work.Audience.EVERYONE, null, Licence.CC_BY, NOW);
        long id = add(11, published, "read me");
        assertTrue(collab.mayJoin(id, STRANGER));
        assertFalse(collab.mayEdit(id, STRANGER));
        assertTrue(collab.mayEdit(id, ANA));
    }

    @Test
    void deletedWorksAndCollectionsHaveNoLiveDocument() throws ReflectiveOperationException {
        Work deleted = new Work(Work.TEXT, "Gone", Licence.DEFAULT, ANA, null, NOW);
        deleted.delete(ANA, NOW);
        long gone = add(12, deleted, "gone");
        assertFalse(collab.mayJoin(gone, ANA));
        assertFalse(collab.mayEdit(gone, ANA));
        assertEquals(Optional.empty(), collab.initialText(gone));
        long list = add(13, new Work(Work.COLLECTION, "List", Licence.DEFAULT, ANA, null, NOW), "{\"items\":[]}");
        assertFalse(collab.mayEdit(list, ANA));
        assertEquals(Optional.empty(), collab.initialText(list));
    }

    /** The works of this test; only what CollabAccess uses is answered. */
    private final class InMemory implements WorkRepository {
        @Override
        public Optional<Work> find(long id) {
            return Optional.ofNullable(works.get(id));
        }

        @Override
        public Optional<Work> lock(long id) {
            return find(id);
        }

        @Override
        public Optional<WorkVersion> version(long workId, int number) {
            return Optional.ofNullable(latest.get(workId)).filter(v -> v.number() == number);
        }

        @Override
        public Work add(Work work) {
            throw new UnsupportedOperationException();
        }

        @Override
        public WorkVersion addVersion(WorkVersion version) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<WorkVersion> versions(long workId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Publication addPublication(Publication publication) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Publication> pendingPublication(long workId) {
            return Optional.empty();
        }

        @Override
        public List<Long> spacesPublishedTo() {
            return List.of();
        }

        @Override
        public Set<Long> openIn(long spaceId) {
            return Set.of();
        }

        @Override
        public List<Work> list(Query query, int offset, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long count(Query query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Work> derivedFrom(Collection<Long> workIds) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Work> publicOfCity(long cityId, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Work> publicOfField(long fieldId, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Work> sharedBy(long accountId, long otherAccountId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Work> allLive(int offset, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String fingerprint() {
            throw new UnsupportedOperationException();
        }
    }
}
