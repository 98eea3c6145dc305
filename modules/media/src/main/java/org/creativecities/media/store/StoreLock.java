package org.creativecities.media.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises the short steps that change which stored files are referenced: storing an upload's files and inserting
 * its row (with the owner's quota check), and deleting a row then the files no row refers to any more. Without it a
 * deletion could remove a file that a concurrent upload of the same bytes was about to refer to, or two uploads
 * could both pass the quota. Receiving, recognising and re-encoding happen outside it. One lock per server: with
 * several servers (scale-out), this becomes a database lock.
 */
@ApplicationScoped
public class StoreLock {

    private final ReentrantLock lock = new ReentrantLock(true);

    /** Work done holding the lock. */
    public interface Work<T> {
        T run() throws IOException;
    }

    /** Runs the work holding the lock. */
    public <T> T holding(Work<T> work) throws IOException {
        lock.lock();
        try {
            return work.run();
        } finally {
            lock.unlock();
        }
    }
}
