package org.creativecities.core.live;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.membership.MembershipService;
import org.creativecities.core.platform.AppConfig;
import org.creativecities.core.platform.cluster.Cluster;
import org.creativecities.core.space.ModerationService;
import org.creativecities.core.space.SpaceService;

/**
 * The live-room engine: takes each client frame from its connection to the part of the protocol that handles it.
 * A frame is charged to the rate limits before it is parsed ({@link FrameRates}), decoded ({@link FrameDecoder}),
 * and dispatched: {@code join} and {@code leave} to {@link RoomEntry}; {@code post}, {@code edit}, {@code delete},
 * {@code react} and {@code typing} to {@link MessageFrames}, whose sequenced writes the room's writer applies in
 * order ({@link RoomWriter}); {@code action} to {@link PluginActions}; the frames of the contexts outside the core to
 * {@link ExtensionFrames}. A refusal becomes an {@code error} frame ({@link FrameRefusals}). Connections are opened,
 * pinged and closed by {@link ConnectionLifecycle}; who is connected is kept in {@link Connections}, the rooms in
 * memory in {@link RoomHubs}; frames reach clients through the container's {@link FrameSender}.
 *
 * <p>Authorisation is checked on every frame, and connections of an account whose membership changed, or that a
 * moderator removed, leave the rooms concerned once the change committed ({@link RoomEviction}).
 */
@ApplicationScoped
public class LiveEngine {

    /** Threads that store, ack and broadcast posts, for all rooms (one turn per room at a time, see RoomWriter). */
    private static final int WRITERS = 2;

    /** The engine's log: refused frames, at most one line per class of refusal a minute ({@link RejectLog}). */
    private static final Logger LOG = Logger.getLogger(LiveEngine.class.getName());

    private final Connections connections = new Connections();
    private RoomHubs hubs;

    @Inject
    private LiveService service;

    @Inject
    private RoomAppends appends;

    @Inject
    private MessageChanges changes;

    @Inject
    private PluginRoomAccess pluginRooms;

    @Inject
    private MessageReview review;

    @Inject
    private PostAdmission admission;

    @Inject
    private AppConfig config;

    @Inject
    private SpaceService spaces;

    /** The contexts outside the core that handle frame types of their own (see {@link LiveExtension}). */
    @Inject
    private Instance<LiveExtension> extensionBeans;

    /** The contexts that open some rooms only at a time (events' online rooms). */
    @Inject
    private Instance<RoomOpening> openingBeans;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    private ManagedThreadFactory managedThreads;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    private ManagedScheduledExecutorService scheduler;

    /** The other nodes, if any: hints of their rooms' events ({@link RoomFeed}). */
    @Inject
    private Cluster cluster;

    @Inject
    private RoomLogReads logReads;

    private FrameSender sender;
    /** The rooms' writers' threads (see {@link RoomWriter}). */
    private ExecutorService writerThreads;
    /** Writes this node's presence to the cluster, one at a time and in order ({@link ClusterPresence}). */
    private ExecutorService presenceThread;
    private FrameRates rates;
    private FrameRefusals refusals;
    private ExtensionFrames extensionFrames;
    private RoomEntry entry;
    private MessageFrames messages;
    private PluginActions actions;
    private RoomEviction eviction;
    private ConnectionLifecycle lifecycle;
    private RoomFeed feed;
    private PersonDelivery people;
    private ScheduledFuture<?> sweep;

    @PostConstruct
    void start() {
        sender = FrameSenders.choose(config.liveFrameSender());
        AtomicInteger n = new AtomicInteger();
        // Managed threads: the application's context is captured once per thread, not once per batch.
        writerThreads = Executors.newFixedThreadPool(WRITERS, r -> {
            Thread t = managedThreads.newThread(r);
            t.setName("ccc-live-writer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        presenceThread = Executors.newFixedThreadPool(1, r -> {
            Thread t = managedThreads.newThread(r);
            t.setName("ccc-live-presence");
            t.setDaemon(true);
            return t;
        });
        // Made now, in the application's context: a thread the pool made later on a cluster's thread (a hint, a
        // presence message) would have none, and its transactions would run without the component's invocation.
        ((ThreadPoolExecutor) writerThreads).prestartAllCoreThreads();
        ((ThreadPoolExecutor) presenceThread).prestartAllCoreThreads();
        ClusterPresence presence = new ClusterPresence(cluster, presenceThread);
        hubs = new RoomHubs(presence);
        feed = new RoomFeed(cluster, logReads, hubs, writerThreads, config.liveResumeMax());
        people = new PersonDelivery(connections, cluster, writerThreads);
        RoomWriter writer = new RoomWriter(appends, admission, people, writerThreads, feed);
        rates = new FrameRates(config.liveUserFramesPerMinute(), config.liveVisitorFramesPerMinute());
        refusals = new FrameRefusals(new RejectLog(LOG, Duration.ofMinutes(1), System::nanoTime));
        extensionFrames = new ExtensionFrames(new LiveExtensions(extensionBeans.stream().toList()), rates, refusals);
        entry = new RoomEntry(service, spaces, pluginRooms, openingBeans.stream().toList(), hubs,
                config.liveResumeMax(), feed);
        messages = new MessageFrames(service, changes, review, admission, writer, hubs);
        actions = new PluginActions(service, spaces, pluginRooms, hubs);
        eviction = new RoomEviction(connections, hubs, entry, service, cluster, writerThreads);
        lifecycle = new ConnectionLifecycle(config, sender, connections, entry, extensionFrames);
        lifecycle.start();
        feed.start();
        presence.start(hubs);
        eviction.start();
        people.start();
        if (cluster.clustered()) {
            sweep = scheduler.scheduleWithFixedDelay(feed::sweep, RoomFeed.SWEEP_MILLIS, RoomFeed.SWEEP_MILLIS,
                    TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (sweep != null) {
            sweep.cancel(false);
        }
        lifecycle.stop();
        writerThreads.shutdownNow();
        presenceThread.shutdown();
        sender.shutdown();
    }

    /** A new connection, authenticated at the handshake (or a visitor). */
    void open(Session session, Optional<Caller.Identity> who) {
        lifecycle.open(session, who);
    }

    void closed(Session session) {
        lifecycle.closed(session);
    }

    void pong(Session session) {
        lifecycle.pong(session);
    }

    /** One text frame from a client. */
    void frame(Session session, String text) {
        Connection c = connections.find(session.getId()).orElse(null);
        if (c == null || c.revoked()) {
            return;
        }
        c.heard();
        LiveExtensions.Route route = extensionFrames.claim(text);
        if (route != null) {
            extensionFrames.frame(c, route, text);
            return;
        }
        String[] frameId = new String[1];
        Long roomId = null;
        try {
            if (!rates.admit(c)) {
                refusals.rateLimited(c, text);
                return;
            }
            FrameDecoder.Envelope envelope = FrameDecoder.envelope(text, id -> frameId[0] = id);
            roomId = envelope.room();
            dispatch(c, FrameDecoder.decode(envelope));
        } catch (RuntimeException e) {
            refusals.refused(c, e, frameId[0], roomId);
        }
    }

    private void dispatch(Connection c, ClientFrame frame) {
        if (frame instanceof ClientFrame.Join f) {
            entry.join(c, f.room(), f.since(), f.id());
        } else if (frame instanceof ClientFrame.Leave f) {
            entry.leaveFrame(c, f.room(), f.id());
        } else if (frame instanceof ClientFrame.Post f) {
            messages.post(c, f);
        } else if (frame instanceof ClientFrame.Edit f) {
            messages.edit(c, f);
        } else if (frame instanceof ClientFrame.Delete f) {
            messages.delete(c, f);
        } else if (frame instanceof ClientFrame.React f) {
            messages.react(c, f);
        } else if (frame instanceof ClientFrame.Typing f) {
            messages.typing(c, f.room());
        } else if (frame instanceof ClientFrame.Action f) {
            actions.act(c, f.room(), f.frame(), f.id());
        }
    }

    /** Re-checks, after the change committed, every room the account's connections are in. */
    void membershipChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS)
                           MembershipService.MembershipChanged event) {
        eviction.membershipChanged(event.accountId());
    }

    /** Kicked or banned people leave the rooms concerned at once, after the action committed. */
    void moderated(@Observes(during = TransactionPhase.AFTER_SUCCESS) ModerationService.Moderated event) {
        eviction.moderated(event);
    }

    /** A deleted room (after the commit): everyone in it leaves it with {@code room-deleted}. */
    void roomDeleted(long roomId) {
        eviction.roomDeleted(roomId);
    }

    /** The connection's session ended: it leaves its rooms at once, handles no further frame and is closed. */
    void sessionEnded(Connection c, CloseReason.CloseCode code, String reason) {
        lifecycle.sessionEnded(c, code, reason);
    }

    /** Every open connection, now. */
    List<Connection> connections() {
        return connections.all();
    }

    /** The account's open connections, now. */
    Set<Connection> connectionsOf(long accountId) {
        return connections.of(accountId);
    }

    /** How many open connections write through this path. */
    long connectionsWriting(FrameSender.Path path) {
        return connections.count(path);
    }

    /** The name of the container's frame sender in use. */
    String frameSender() {
        return sender.getClass() == TyrusFrameSender.class ? "tyrus" : "standard";
    }

    /** The room's hub, made on first use. */
    RoomHub hub(long roomId) {
        return hubs.of(roomId);
    }

    /** Runs the task on one of the engine's threads, which have the application's context (a cluster's message). */
    void later(Runnable task) {
        writerThreads.execute(task);
    }

    /** Frames for one person, on every node they are connected to. */
    PersonDelivery people() {
        return people;
    }

    /** Delivery of the rooms' events in seq order, whichever node committed them. */
    RoomFeed feed() {
        return feed;
    }

    /** The room's hub if anyone used the room since the start, else null. */
    RoomHub existingHub(long roomId) {
        return hubs.existing(roomId);
    }
}
