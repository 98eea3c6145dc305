package org.creativecities.media.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Extension point: where the bytes of media live, addressed by the SHA-256 of their content (64 lower-case hex
 * digits), so that identical files are stored once. The context never names a file any other way, and never keeps
 * the bytes in memory: uploads arrive in a temporary file ({@link #newTemporaryFile()}) and are handed over whole
 * ({@link #put}), reads are streamed, by range when asked.
 *
 * <p>{@link LocalDiskMediaStore} (under {@code ccc.media.dir}) is the default bean. Another store, an S3-compatible
 * bucket say, is a CDI {@code @Alternative} of this interface, selected with {@code @Priority}; it must keep the
 * same promises: a {@code put} is all or nothing, a {@code put} of a hash already present leaves the stored object
 * as it is, and {@code open} streams. Which uploads refer to a hash is the database's business, not the store's:
 * the context deletes an object only when no row refers to it any more.
 */
public interface MediaStore {

    /**
     * A new, empty temporary file for an upload being received; the caller deletes it unless it hands it to
     * {@link #put}. For a remote store it is a local file all the same.
     */
    Path newTemporaryFile() throws IOException;

    /**
     * Stores the file under its hash, atomically: readers see the whole object or none. The file is consumed (moved
     * or deleted); if the hash is stored already, the stored object is kept.
     *
     * @param sha256 the SHA-256 of the file's content, which the caller computed
     * @param file   a file from {@link #newTemporaryFile()}
     */
    void put(String sha256, Path file) throws IOException;

    /** The length of the stored object, or empty if nothing is stored under the hash. */
    OptionalLong size(String sha256) throws IOException;

    /**
     * Streams part of a stored object.
     *
     * @param offset the first byte
     * @param length how many bytes, at most to the end of the object
     */
    InputStream open(String sha256, long offset, long length) throws IOException;

    /** Removes the stored object; nothing happens if none is stored under the hash. */
    void delete(String sha256) throws IOException;
}
