package org.creativecities.works.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.creativecities.core.identity.Caller;
import org.creativecities.media.MediaCatalog;
import org.creativecities.media.MediaIds;
import org.creativecities.media.MediaInfo;
import org.creativecities.works.WorksException;
import org.creativecities.core.platform.ContextException.FieldError;
import org.creativecities.works.domain.MediaRefs;
import org.creativecities.works.domain.MediaRefs.Ref;
import org.creativecities.works.domain.Work;
import org.creativecities.works.domain.WorkRepository;
import org.creativecities.works.domain.WorkVersion;

/**
 * The media a work uses, through the media context's {@link MediaCatalog}. Who may attach a media: an author
 * attaches (as the cover or a collection item) only media they uploaded themself; media already in the work stays,
 * whoever uploaded it (a co-author's, or a source's in a fork). A text work's Markdown may show any of this
 * platform's media by URL; it is not checked when saved. Before publication, every image the work uses must have
 * alt text.
 */
@ApplicationScoped
public class WorkMedia {

    @Inject
    private MediaCatalog catalog;

    @Inject
    private WorkRepository works;

    /** A media id as given for {@code field}: well-formed, or 400. Blank means none. */
    static Optional<String> wellFormed(String field, String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        if (!MediaIds.isWellFormed(id)) {
            throw WorksException.invalid(field, "'" + WorkInput.shortened(id) + "' is not a media id (22 letters, "
                    + "digits, '-' or '_', as POST /api/media returns).");
        }
        return Optional.of(id);
    }

    /**
     * Checks the media newly attached by a change: each exists (400 naming its field otherwise) and was uploaded by
     * the caller (403 otherwise), unless the work already uses it ({@code kept}). URLs in Markdown are not checked.
     */
    public void checkAttached(Caller.Identity who, List<Ref> attached, Set<String> kept) {
        for (Ref ref : attached) {
            if (ref.inMarkdown() || kept.contains(ref.mediaId())) {
                continue;
            }
            MediaInfo media = catalog.find(ref.mediaId())
                    .orElseThrow(() -> WorksException.invalid(ref.field(), "no such media"));
            if (!media.isUploadedBy(who.id())) {
                String message = "only media you uploaded can be added to a work.";
                throw new WorksException(403, "Not allowed", ref.field() + ": " + message,
                        List.of(new FieldError(ref.field(), message)));
            }
        }
    }

    /**
     * Refuses (409) to publish a work whose images lack alt text, naming each use ({@code cover},
     * {@code content.items[i].media}, {@code content}) and media. A media that no longer exists is not in the way.
     */
    public void requirePublishable(List<Ref> uses) {
        List<FieldError> missing = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Ref ref : uses) {
            Optional<MediaInfo> media = catalog.find(ref.mediaId());
            if (media.isPresent() && !media.get().publishable()) {
                missing.add(new FieldError(ref.field(), "image " + ref.mediaId() + " has no alt text"));
                if (!ids.contains(ref.mediaId())) {
                    ids.add(ref.mediaId());
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new WorksException(409, "Alt text missing", "Describe every image before publishing (PATCH "
                    + "/api/media/{id} with its alt text); these have none: " + String.join(", ", ids) + ".",
                    missing);
        }
    }

    /** The media a work's cover and latest version use and that still exist: what an export includes. */
    @Transactional
    public List<MediaInfo> used(Work work) {
        return usedIds(work).stream().map(catalog::find).flatMap(Optional::stream).toList();
    }

    /** As {@link #used(Work)}, for a caller that already holds the work's latest version. */
    @Transactional
    public List<MediaInfo> used(Work work, WorkVersion latest) {
        return usedIds(work, latest.content()).stream().map(catalog::find).flatMap(Optional::stream).toList();
    }

    /** The ids of the media a work's cover and latest version use, in order of first use. */
    @Transactional
    public Set<String> usedIds(Work work) {
        String content = works.version(work.id(), work.latestVersion()).map(WorkVersion::content).orElse("");
        return usedIds(work, content);
    }

    private static Set<String> usedIds(Work work, String content) {
        return MediaRefs.ids(MediaRefs.of(work.coverMediaId(), work.format(), content));
    }
}
