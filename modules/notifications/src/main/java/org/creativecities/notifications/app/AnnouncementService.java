package org.creativecities.notifications.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.creativecities.core.city.CommunityDirectory;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.identity.RateLimiter;
import org.creativecities.core.live.SafeMarkdown;
import org.creativecities.core.platform.ContextException.FieldError;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.core.platform.web.PageRequest;
import org.creativecities.notifications.NotificationsException;
import org.creativecities.notifications.app.AnnouncementDtos.AnnouncementPage;
import org.creativecities.notifications.app.AnnouncementDtos.AnnouncementView;
import org.creativecities.notifications.app.AnnouncementDtos.NewAnnouncement;
import org.creativecities.notifications.domain.Announcement;
import org.creativecities.notifications.domain.Announcement.Audience;
import org.creativecities.notifications.domain.AnnouncementRepository;
import org.creativecities.notifications.domain.AnnouncementRepository.CityRef;

/**
 * Announcing: an administrator to the network or a creative field, a city's coordinator (or an administrator) to the
 * city's members. Sending stores the announcement and returns at once; {@link AnnouncementFanout} delivers it once
 * the transaction committed. Listing shows an administrator every announcement, anyone else those they wrote or
 * received.
 */
@ApplicationScoped
public class AnnouncementService {

    /** Announcements one person may send per hour. */
    static final int PER_HOUR = 10;

    /** Fired once an announcement is stored: the fan-out starts when its transaction commits. */
    public record Announced(long id) {
    }

    private final RateLimiter limiter = new RateLimiter(PER_HOUR, Duration.ofHours(1));

    @Inject
    private AnnouncementRepository announcements;

    @Inject
    private CommunityDirectory community;

    @Inject
    private TimeSource time;

    @Inject
    private Event<Announced> announced;

    @Transactional
    public AnnouncementView announce(Caller.Identity who, NewAnnouncement body) {
        if (!who.admin() && !announcements.coordinatesAny(who.id())) {
            throw NotificationsException.forbidden("Only administrators and city coordinators send announcements.");
        }
        if (body == null) {
            throw NotificationsException.invalid("body", "Send {\"audience\": network|field|city, \"field\", "
                    + "\"city\", \"title\", \"body\"}.");
        }
        Audience audience = audience(body);
        String target = null;
        Long cityId = null;
        switch (audience) {
            case NETWORK -> requireAdmin(who, "the whole network");
            case FIELD -> {
                target = required("field", body.field());
                if (!announcements.fieldExists(target)) {
                    throw NotificationsException.invalid("field", "No creative field '" + target + "'.");
                }
                requireAdmin(who, "a creative field");
            }
            case CITY -> {
                CityRef city = announcements.city(required("city", body.city()))
                        .orElseThrow(() -> NotificationsException.invalid("city", "No city '" + body.city() + "'."));
                if (!who.admin() && !community.isCoordinator(who.id(), city.id())) {
                    throw NotificationsException.forbidden("Only coordinators of " + city.name()
                            + " and administrators announce to its members.");
                }
                target = city.slug();
                cityId = city.id();
            }
        }
        checkText(body);
        limiter.tryAcquire("announce:" + who.id()).ifPresent(wait -> {
            throw NotificationsException.tooMany("You sent " + PER_HOUR + " announcements within an hour; wait "
                    + "before sending another.");
        });
        Announcement stored = announcements.add(new Announcement(who.id(), who.displayName(), audience, target,
                cityId, body.title().strip(), body.body(), time.now()));
        stored.counted(announcements.audienceSize(stored));
        announced.fire(new Announced(stored.id()));
        return view(stored);
    }

    @Transactional
    public AnnouncementPage list(Caller.Identity who, PageRequest page) {
        Long reader = who.admin() ? null : who.id();
        List<AnnouncementView> items = announcements.newest(reader, page.offset(), page.size()).stream()
                .map(AnnouncementService::view).toList();
        return new AnnouncementPage(items, announcements.count(reader), page.page(), page.size());
    }

    /** One announcement: its author, an administrator or a recipient sees it; anyone else gets 404. */
    @Transactional
    public AnnouncementView get(Caller.Identity who, long id) {
        return announcements.find(id).filter(a -> who.admin() || a.authorId() == who.id()
                        || announcements.received(id, who.id())).map(AnnouncementService::view)
                .orElseThrow(() -> NotificationsException.notFound("Announcement", String.valueOf(id)));
    }

    private static void requireAdmin(Caller.Identity who, String what) {
        if (!who.admin()) {
            throw NotificationsException.forbidden("Only administrators announce to " + what + ".");
        }
    }

    private static Audience audience(NewAnnouncement body) {
        return Audience.ofApiName(required("audience", body.audience()))
                .orElseThrow(() -> NotificationsException.invalid("audience", "One of network, field, city."));
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw NotificationsException.invalid(field, "Missing " + field + ".");
        }
        return value.strip().toLowerCase(Locale.ROOT);
    }

    private static void checkText(NewAnnouncement body) {
        List<FieldError> errors = new ArrayList<>();
        if (body.title() == null || body.title().isBlank()) {
            errors.add(new FieldError("title", "Missing title."));
        } else if (body.title().strip().length() > Announcement.TITLE_MAX) {
            errors.add(new FieldError("title", "At most " + Announcement.TITLE_MAX + " characters."));
        }
        if (body.body() == null || body.body().isBlank()) {
            errors.add(new FieldError("body", "Missing body."));
        } else if (body.body().length() > Announcement.BODY_MAX) {
            errors.add(new FieldError("body", "At most " + Announcement.BODY_MAX + " characters."));
        }
        if (!errors.isEmpty()) {
            throw NotificationsException.invalid(errors);
        }
    }

    static AnnouncementView view(Announcement a) {
        return new AnnouncementView(a.id(), a.audience().apiName(), a.fieldSlug().orElse(null),
                a.citySlug().orElse(null), a.title(), a.body(), SafeMarkdown.html(a.body()), a.authorId(),
                a.authorName(), a.createdAt(), a.recipients(), a.delivered(),
                a.completedAt().isPresent() ? "delivered" : "delivering", a.completedAt().orElse(null));
    }
}
