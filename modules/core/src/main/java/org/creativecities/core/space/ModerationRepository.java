package org.creativecities.core.space;

import java.util.List;
import java.util.Optional;

/** Where sanctions and the audit log are kept. */
public interface ModerationRepository {

    /** The sanctions of one person in one space (space-wide and per room, current or not). */
    List<Sanction> sanctions(long spaceId, long accountId);

    /** Every sanction of a space (space-wide and per room, current or not), oldest first. */
    List<Sanction> sanctionsOfSpace(long spaceId);

    Optional<Sanction> findSanction(long id);

    Sanction add(Sanction sanction);

    void remove(Sanction sanction);

    AuditEntry record(AuditEntry entry);

    /** Audit entries, newest first. */
    List<AuditEntry> auditLog(int offset, int limit);

    long auditCount();
}
