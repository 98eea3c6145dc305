package org.creativecities.media.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.concurrent.locks.ReentrantLock;
import org.creativecities.core.platform.persistence.SharedDatabase;

/**
 * Serialises the short steps that change which stored files are referenced: storing an upload's files and inserting
 * its row (with the owner's quota check), and deleting a row then the files no row refers to any more. Without it a
 * deletion could remove a file that a concurrent upload of the same bytes was about to refer to, or two uploads
 * could both pass the quota. Receiving, recognising and re-encoding happen outside it. On a database several nodes
 * share, which then share the media folder too, the lock holds across them: a PostgreSQL advisory lock
 * ({@link SharedDatabase#lock}) taken inside this node's own.
 */
@ApplicationScoped
public class StoreLock {

    private final ReentrantLock lock = new ReentrantLock(true);

    @Inject
    private SharedDatabase database;

    /** Work done holding the lock. */
    public interface Work<T> {
        T run() throws IOException;
    }

    /** Runs the work holding the lock. */
    public <T> T holding(Work<T> work) throws IOException {
        lock.lock();
        try (SharedDatabase.Held everywhere = database.isShared() ? database.lock("media.store") : () -> { }) {
            return work.run();
        } finally {
            lock.unlock();
        }
    }
}
