package org.creativecities.core.plugin;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.creativecities.core.live.LiveService;
import org.creativecities.core.space.SpaceService;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.creativecities.core.city.CityService;
import org.creativecities.core.membership.MembershipService;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.plugin.api.hook.CommonsEvent;

/**
 * Delivers the core's events to plugins' {@link org.creativecities.plugin.api.hook.EventListener}s: after
 * the change committed, off the thread that made it, through the supervisor, and city events only to plugins
 * enabled in that city. Live-room events are published through {@link #publish} by the room engine.
 */
@ApplicationScoped
public class PluginEvents {

    @Inject
    private PluginRegistry registry;

    @Inject
    private TimeSource time;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    private ManagedThreadFactory managedThreads;

    /**
     * One long-lived managed thread hands events to the supervisor, in the order they were published. A managed
     * executor service would capture the thread context (a {@code ServiceLoader} scan of the application's class
     * path) for every event: profiled, that was a large part of a post's cost (issue 5, docs/benchmarks.md). The
     * thread's context is captured once, when it is created.
     */
    private ExecutorService background;

    @PostConstruct
    void start() {
        background = Executors.newSingleThreadExecutor(r -> {
            Thread t = managedThreads.newThread(r);
            t.setName("ccc-plugin-events");
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    void cityChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) CityService.CityChanged changed) {
        publish(new CommonsEvent.CityUpdated(changed.slug(), changed.kind(), now()), Optional.of(changed.slug()));
    }

    void membershipChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS)
                           MembershipService.MembershipChanged changed) {
        CommonsEvent event = switch (changed.kind()) {
            case "joined", "approved" -> new CommonsEvent.MemberJoined(changed.citySlug(), changed.accountId(), now());
            case "left", "removed" -> new CommonsEvent.MemberLeft(changed.citySlug(), changed.accountId(), now());
            default -> null;
        };
        if (event != null) {
            publish(event, Optional.of(changed.citySlug()));
        }
    }

    void messagePosted(@Observes(during = TransactionPhase.AFTER_SUCCESS) LiveService.MessagePosted posted) {
        Optional<String> city = posted.citySlug().isEmpty() ? Optional.empty() : Optional.of(posted.citySlug());
        publish(new CommonsEvent.MessagePosted(Long.toString(posted.roomId()), posted.citySlug(), posted.authorId(),
                posted.seq(), now()), city);
    }

    void roomChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) SpaceService.RoomChanged changed) {
        Optional<String> city = changed.citySlug().isEmpty() ? Optional.empty() : Optional.of(changed.citySlug());
        String roomId = Long.toString(changed.roomId());
        publish(changed.open() ? new CommonsEvent.RoomOpened(roomId, changed.citySlug(), changed.kind(), now())
                : new CommonsEvent.RoomClosed(roomId, changed.citySlug(), now()), city);
    }

    /**
     * Hands an event to every running plugin with a listener (and, for a city's event, enabled there).
     * Returns at once; delivery happens on the supervisor's workers.
     *
     * @param citySlug the event's city, if it belongs to one
     */
    public void publish(CommonsEvent event, Optional<String> citySlug) {
        background.execute(() -> {
            for (PluginRuntime rt : registry.runningPlugins()) {
                if (!rt.code().listens()
                        || citySlug.isPresent() && !registry.coversCity(rt.pluginId(), citySlug.get())) {
                    continue;
                }
                rt.code().onEvent(citySlug, event);
            }
        });
    }

    private Instant now() {
        return time.now().toInstant();
    }
}
