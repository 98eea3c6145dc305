package org.creativecities.media.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.creativecities.media.MediaConfig;

/**
 * The default {@link MediaStore}: files on the local disk under {@code ccc.media.dir}, at
 * {@code <first two hex digits>/<next two>/<hash>}, so that no folder grows past a few thousand entries. Temporary
 * files are kept in {@code .incoming} in the same folder, on the same file system, so that storing one is an atomic
 * rename. Temporary files left by a crash are removed when the store is first used after a start, once they have
 * not been written for {@link #LEFTOVER_AGE}: several nodes may share the folder, and another node's upload in
 * progress keeps writing its temporary file.
 */
@ApplicationScoped
public class LocalDiskMediaStore implements MediaStore {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final String INCOMING = ".incoming";
    /** A temporary file not written for this long is a crash's leftover. */
    static final Duration LEFTOVER_AGE = Duration.ofHours(1);

    @Inject
    private MediaConfig config;

    private volatile boolean ready;

    private Path root() throws IOException {
        Path root = config.dir();
        if (!ready) {
            synchronized (this) {
                if (!ready) {
                    Path incoming = Files.createDirectories(root.resolve(INCOMING));
                    try (var leftovers = Files.list(incoming)) {
                        Instant before = Instant.now().minus(LEFTOVER_AGE);
                        for (Path p : (Iterable<Path>) leftovers::iterator) {
                            if (isOlder(p, before)) {
                                Files.deleteIfExists(p);
                            }
                        }
                    }
                    ready = true;
                }
            }
        }
        return root;
    }

    private static boolean isOlder(Path file, Instant than) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(than);
        } catch (IOException gone) {
            return false;
        }
    }

    private Path pathOf(String sha256) throws IOException {
        if (sha256 == null || !HASH.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256 in lower-case hex");
        }
        return root().resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    @Override
    public Path newTemporaryFile() throws IOException {
        return Files.createTempFile(root().resolve(INCOMING), "upload-", ".part");
    }

    @Override
    public void put(String sha256, Path file) throws IOException {
        Path target = pathOf(sha256);
        try {
            if (Files.exists(target)) {
                return;
            }
            Files.createDirectories(target.getParent());
            try {
                Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("The media folder " + root() + " cannot rename files atomically.", e);
            } catch (FileAlreadyExistsException raced) {
                // Another upload of the same bytes stored it first: theirs is kept.
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Override
    public OptionalLong size(String sha256) throws IOException {
        try {
            return OptionalLong.of(Files.size(pathOf(sha256)));
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public InputStream open(String sha256, long offset, long length) throws IOException {
        FileChannel channel = FileChannel.open(pathOf(sha256), StandardOpenOption.READ);
        channel.position(offset);
        return new RangeInputStream(Channels.newInputStream(channel), length);
    }

    @Override
    public void delete(String sha256) throws IOException {
        Files.deleteIfExists(pathOf(sha256));
    }
}
