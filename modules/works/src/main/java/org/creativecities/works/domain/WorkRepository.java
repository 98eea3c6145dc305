package org.creativecities.works.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Works, their versions and publication requests. */
public interface WorkRepository {

    /**
     * What a list asks for; every present filter must hold. {@code spaceId} keeps the works placed in one space (a
     * project's works are those of its space); {@code openIds} are works the viewer reads as a member of that space
     * (its works open to the space), drafts too.
     */
    record Query(Optional<Long> cityId, Optional<Long> fieldId, Optional<Long> authorId,
                 Optional<Work.Status> status, Optional<Long> viewerId, Set<Long> readableSpaceIds,
                 boolean everything, Optional<Long> spaceId, Set<Long> openIds) {
    }

    Optional<Work> find(long id);

    /** The work, locked for update until the transaction ends (saves and consents are serialised per work). */
    Optional<Work> lock(long id);

    Work add(Work work);

    WorkVersion addVersion(WorkVersion version);

    Optional<WorkVersion> version(long workId, int number);

    /** Every version, newest first. */
    List<WorkVersion> versions(long workId);

    Publication addPublication(Publication publication);

    Optional<Publication> pendingPublication(long workId);

    /**
     * The ids of the works open to a space's members, not deleted (booleans are compared here rather than in SQL,
     * where EclipseLink writes them as numbers that H2 does not compare with a BOOLEAN column).
     */
    Set<Long> openIn(long spaceId);

    /** The spaces that works are published to (to check which of them a caller may read). */
    List<Long> spacesPublishedTo();

    /** The works that match, visible ones only (see {@link Query}), newest change first. */
    List<Work> list(Query query, int offset, int limit);

    long count(Query query);

    /** Works derived from the given ones (not deleted). */
    List<Work> derivedFrom(Collection<Long> workIds);

    /** Published to everyone, not deleted, newest publication first: about or by the city, or in the field. */
    List<Work> publicOfCity(long cityId, int limit);

    List<Work> publicOfField(long fieldId, int limit);

    /** The works, not deleted, that both accounts are authors of. */
    List<Work> sharedBy(long accountId, long otherAccountId);

    /** Every work that is not deleted, for the search index. */
    List<Work> allLive(int offset, int limit);

    /** A fingerprint of all works: their count and latest change. */
    String fingerprint();
}
