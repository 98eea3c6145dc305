package org.creativecities.core.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The plugins' say on a post before it joins its room's queue: each {@link MessageGuard} may refuse it or replace its
 * text, and a replaced text is rendered again here. This runs on the thread that read the frame, never under the
 * room's lock nor in the transaction that stores the room's posts: a slow plugin (each call is bounded by
 * {@code ccc.plugins.call-timeout}) or a costly render delays only its author's post, not the room.
 */
@ApplicationScoped
public class MessageReview {

    private static final Logger LOG = Logger.getLogger(MessageReview.class.getName());

    /** Rooms whose city is remembered; a room never changes city, the bound only caps the memory. */
    private static final int MAX_REMEMBERED = 10_000;

    @Inject
    private Instance<MessageGuard> guards;

    @Inject
    private LiveService service;

    private final ConcurrentMap<Long, String> citySlugs = new ConcurrentHashMap<>();

    /**
     * The post as the plugins let it through: the same request, or one with the replaced text and its HTML.
     *
     * @throws LiveException {@code vetoed} when a plugin refuses it, {@code internal} when a guard fails,
     *                       {@code too-long} or {@code bad-frame} when a replacement is not a valid text
     */
    LiveService.PostRequest review(long roomId, LiveService.PostRequest request) {
        if (guards.isUnsatisfied()) {
            return request;
        }
        String citySlug = citySlug(roomId);
        String text = request.text();
        for (MessageGuard guard : guards) {
            MessageGuard.Verdict verdict;
            try {
                verdict = guard.review(roomId, citySlug, request.who().id(), text);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A message guard failed", e);
                throw new LiveException(LiveError.INTERNAL, "The server could not handle this frame; try again.");
            }
            if (verdict.refusal().isPresent()) {
                throw new LiveException(LiveError.VETOED, "The message was " + verdict.refusal().get() + ".");
            }
            text = verdict.text();
            LiveService.checkText(text);
        }
        return text.equals(request.text()) ? request
                : new LiveService.PostRequest(request.who(), request.clientMessageId(), text, request.replyTo(),
                        request.verdict()).mentioning(request.mentioned());
    }

    private String citySlug(long roomId) {
        String known = citySlugs.get(roomId);
        if (known != null) {
            return known;
        }
        if (citySlugs.size() >= MAX_REMEMBERED) {
            citySlugs.clear();
        }
        String slug = service.citySlug(roomId);
        citySlugs.put(roomId, slug);
        return slug;
    }

}
