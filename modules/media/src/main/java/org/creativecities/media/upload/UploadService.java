package org.creativecities.media.upload;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.creativecities.core.identity.AttemptLimit;
import org.creativecities.core.identity.RateLimits;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.media.AllowedType;
import org.creativecities.media.Media;
import org.creativecities.media.MediaConfig;
import org.creativecities.media.MediaException;
import org.creativecities.media.MediaKind;
import org.creativecities.media.MediaOwner;
import org.creativecities.media.MediaRepository;
import org.creativecities.media.Sizes;
import org.creativecities.media.StoredFile;
import org.creativecities.media.image.ImageProcessor;
import org.creativecities.media.store.HashingFiles;
import org.creativecities.media.store.MediaStore;
import org.creativecities.media.store.StoreLock;

/**
 * Receives an upload: checks what can be checked from the request head first (declared type, declared length, rate,
 * quota), then streams the body to a temporary file, counting and hashing it and stopping at the type's limit or the
 * account's remaining quota, recognises its type from the bytes, re-encodes an image, and stores the result under
 * its hash. The body is never held in memory.
 */
@ApplicationScoped
public class UploadService {

    @Inject
    private MediaConfig config;

    @Inject
    private MediaStore store;

    @Inject
    private MediaRepository repository;

    @Inject
    private StoreLock lock;

    @Inject
    private TimeSource time;

    @Inject
    private RateLimits limits;

    private volatile AttemptLimit limiter;

    /**
     * Receives one upload for {@code owner}: an account, or a plugin storing a file through the plugin API.
     *
     * @param declared       the request's {@code Content-Type}
     * @param fileName       the file's name as the client gave it, or {@code null}
     * @param declaredLength the request's {@code Content-Length}, or a negative number for a chunked body
     */
    public Media upload(MediaOwner owner, String declared, String fileName, long declaredLength, InputStream body)
            throws IOException {
        AllowedType declaredType = AllowedType.of(declared).orElseThrow(() -> notAccepted(declared));
        MediaKind kind = declaredType.kind();
        long max = config.maxBytes(kind);
        if (declaredLength > max) {
            throw tooLarge(kind, max);
        }
        rateLimiter().tryAcquire(owner.key()).ifPresent(wait -> {
            throw MediaException.tooManyUploads("You have uploaded " + config.rateUploads() + " files within "
                    + config.ratePeriod().toString().substring(2).toLowerCase(Locale.ROOT) + "; wait before uploading "
                    + "more.", wait);
        });
        long quota = config.quota(owner);
        long remaining = quota - repository.bytesUsedBy(owner);
        if (remaining <= 0 || declaredLength > remaining) {
            throw quotaExceeded(quota, remaining);
        }
        Path received = store.newTemporaryFile();
        List<Path> temporary = new ArrayList<>(List.of(received));
        try {
            long limit = Math.min(max, remaining);
            HashingFiles.Written written;
            try {
                written = HashingFiles.receive(body, received, limit);
            } catch (HashingFiles.LimitExceeded e) {
                throw limit == max ? tooLarge(kind, max) : quotaExceeded(quota, remaining);
            }
            if (written.size() == 0) {
                throw MediaException.badRequest("The request has no body: send the file's bytes.");
            }
            AllowedType actual = recognise(received, declaredType, declared);
            Prepared prepared = prepare(received, actual, written);
            temporary.addAll(prepared.files());
            Media media = Media.upload(owner, prepared.file(), fileName, time.now());
            if (!storeWithinQuota(media, prepared, quota)) {
                throw quotaExceeded(quota, quota - repository.bytesUsedBy(owner));
            }
            return media;
        } finally {
            for (Path p : temporary) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** What is to be stored: the file's description, and its files in the order of {@link StoredFile#hashes()}. */
    private record Prepared(StoredFile file, List<Path> files) {
    }

    /** An image re-encoded with its thumbnails; anything else as it was received. */
    private Prepared prepare(Path received, AllowedType type, HashingFiles.Written written) throws IOException {
        if (type.kind() != MediaKind.IMAGE) {
            return new Prepared(new StoredFile(type, type.mediaType(), written.sha256(), written.size(), null, null,
                    List.of()), List.of(received));
        }
        ImageProcessor.Result image = ImageProcessor.process(received, type, config.maxPixels(),
                config.thumbnailWidths(), store::newTemporaryFile);
        List<Path> files = new ArrayList<>();
        files.add(image.image().file());
        image.thumbnails().forEach(t -> files.add(t.file()));
        ImageProcessor.Encoded full = image.image();
        return new Prepared(new StoredFile(type, full.contentType(), full.sha256(), full.size(), full.width(),
                full.height(), image.thumbnails().stream().map(t -> new StoredFile.Thumbnail(t.width(), t.height(),
                t.contentType(), t.sha256(), t.size())).toList()), List.copyOf(files));
    }

    /**
     * Moves the files into the store and inserts the row, unless the owner's quota has been used up meanwhile (by a
     * concurrent upload): then the files no row refers to are removed again.
     */
    private boolean storeWithinQuota(Media media, Prepared prepared, long quota) throws IOException {
        return lock.holding(() -> {
            List<String> hashes = prepared.file().hashes();
            for (int i = 0; i < hashes.size(); i++) {
                store.put(hashes.get(i), prepared.files().get(i));
            }
            if (repository.insertWithin(media, quota)) {
                return true;
            }
            for (String hash : hashes) {
                if (!repository.isReferenced(hash)) {
                    store.delete(hash);
                }
            }
            return false;
        });
    }

    /** The type of the received bytes, which must be the declared one. */
    private static AllowedType recognise(Path received, AllowedType declaredType, String declared)
            throws IOException {
        TypeDetector.Detected detected = TypeDetector.detect(received);
        AllowedType actual = detected.allowed().orElseThrow(() -> MediaException.unsupportedType(
                "The file is not " + declaredType.description() + ": its content was recognised as "
                        + detected.mediaType() + ", which is not accepted. Accepted types: " + AllowedType.list()
                        + "."));
        if (actual != declaredType) {
            throw MediaException.mismatch("The file is " + actual.description() + " but was declared as "
                    + bare(declared) + ".");
        }
        return actual;
    }

    private AttemptLimit rateLimiter() {
        AttemptLimit r = limiter;
        if (r == null) {
            synchronized (this) {
                if (limiter == null) {
                    limiter = limits.shared("media-uploads", config.rateUploads(), config.ratePeriod());
                }
                r = limiter;
            }
        }
        return r;
    }

    private static MediaException notAccepted(String declared) {
        if (declared == null || declared.isBlank()) {
            return MediaException.unsupportedType("Send the file's type as the Content-Type header: one of "
                    + AllowedType.list() + ".");
        }
        return MediaException.unsupportedType("Files of type " + bare(declared) + " are not accepted. Accepted "
                + "types: " + AllowedType.list() + ".");
    }

    /** The declared media type without parameters, shortened, and only if it is printable. */
    private static String bare(String declared) {
        int semicolon = declared.indexOf(';');
        String bare = (semicolon < 0 ? declared : declared.substring(0, semicolon)).strip();
        if (bare.length() > 80) {
            bare = bare.substring(0, 80) + "…";
        }
        return bare.matches("[\\x21-\\x7e…]+") ? bare.toLowerCase(Locale.ROOT) : "an unprintable type";
    }

    private static MediaException tooLarge(MediaKind kind, long max) {
        return MediaException.tooLarge(kind.plural() + " may be at most " + Sizes.human(max) + ".");
    }

    private static MediaException quotaExceeded(long quota, long remaining) {
        return MediaException.quotaExceeded("Your media may take at most " + Sizes.human(quota)
                + " in all, and only " + Sizes.human(Math.max(0, remaining)) + " remain: delete some of your media "
                + "to upload this file.");
    }
}
