package org.creativecities.plugin.api;

/**
 * A compare-and-set found another version than the one expected: someone else wrote (or removed) the
 * entry in between. Read it again and retry, or give up.
 */
public class StorageConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long expectedVersion;
    private final long actualVersion;

    public StorageConflictException(String key, long expectedVersion, long actualVersion) {
        super("Entry '" + key + "' is at version " + actualVersion + ", not " + expectedVersion + ".");
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    /** The version found; 0 when the entry does not exist (or has expired). */
    public long actualVersion() {
        return actualVersion;
    }
}
