package org.creativecities.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Optional;
import java.util.stream.Stream;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.web.ProblemException;
import org.creativecities.media.store.MediaStore;
import org.creativecities.media.store.StoreLock;

/** What owners do with their media once uploaded: describe it (alt text), delete it. */
@ApplicationScoped
public class MediaService {

    /** The longest alt text kept. */
    public static final int MAX_ALT = 1000;

    @Inject
    private MediaRepository repository;

    @Inject
    private MediaStore store;

    @Inject
    private StoreLock lock;

    @Inject
    private Instance<AltTextGrant> grants;

    /** The media with this id; 404 if there is none (or the id is malformed). */
    public Media get(String id) {
        return (MediaIds.isWellFormed(id) ? repository.find(id) : Optional.<Media>empty())
                .orElseThrow(() -> ProblemException.notFound("Media", shortened(id)));
    }

    /**
     * Sets the alt text: the owner may, and so may someone an {@link AltTextGrant} allows to give an image without
     * alt text its first one (a fellow author of a work that shows it).
     */
    public Media describe(Caller.Identity who, String id, String alt) {
        Media media = get(id);
        if (!media.isUploadedBy(who.id()) && !granted(who, media)) {
            throw ProblemException.forbidden(media.alt().isPresent()
                    ? "Only the person who uploaded this file can change its description."
                    : "Only the person who uploaded this file can describe it, or a fellow author of a work "
                    + "that shows it.");
        }
        String text = alt == null ? "" : alt.strip();
        if (text.isEmpty()) {
            throw ProblemException.invalidField("alt", "Describe what the image shows, in a few words.");
        }
        if (text.length() > MAX_ALT) {
            throw ProblemException.invalidField("alt", "At most " + MAX_ALT + " characters.");
        }
        return repository.describe(id, text).orElseThrow(() -> ProblemException.notFound("Media", id));
    }

    private boolean granted(Caller.Identity who, Media media) {
        if (media.alt().isPresent() || !media.altRequired()) {
            return false;
        }
        MediaInfo info = MediaInfo.of(media);
        return grants.stream().anyMatch(g -> g.mayDescribe(who.id(), info));
    }

    /**
     * Deletes an upload: its owner may, and so may an administrator (moderation). Its stored files go too, unless
     * another upload refers to the same bytes.
     */
    public void delete(Caller.Identity who, String id) throws IOException {
        Media media = get(id);
        if (!media.isUploadedBy(who.id()) && !who.admin()) {
            throw ProblemException.forbidden("Only the person who uploaded this file can delete it.");
        }
        remove(media);
    }

    /** Deletes a media if it is this owner's (a plugin deleting its own file); whether it was. */
    public boolean deleteOwned(MediaOwner owner, String id) throws IOException {
        Optional<Media> media = MediaIds.isWellFormed(id) ? repository.find(id) : Optional.empty();
        if (media.isEmpty() || !media.get().owner().equals(owner)) {
            return false;
        }
        remove(media.get());
        return true;
    }

    /** Removes the row, then the stored files no other media refers to. */
    private void remove(Media media) throws IOException {
        String id = media.id();
        lock.holding(() -> {
            repository.delete(id);
            for (String hash : Stream.concat(Stream.of(media.sha256()),
                    media.variants().stream().map(MediaVariant::sha256)).distinct().toList()) {
                if (!repository.isReferenced(hash)) {
                    store.delete(hash);
                }
            }
            return null;
        });
    }

    private static String shortened(String id) {
        return id == null ? "" : id.length() > 40 ? id.substring(0, 40) + "…" : id;
    }
}
