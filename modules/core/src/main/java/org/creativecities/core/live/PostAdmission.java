package org.creativecities.core.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.creativecities.core.city.CityService;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.membership.MembershipService;
import org.creativecities.core.space.ModerationService;
import org.creativecities.core.space.SpaceService;

/**
 * Who may post in which room, decided on the thread that read the post, before it is queued for the room's writer:
 * the writer's lock and transaction then cover only the seq, the insert and the commit.
 *
 * <p>A person's rights in a room (may read it; may post: member, room open and unlocked, not muted; exempt from slow
 * mode: a manager) are read from the database once and kept for {@link #TTL_MILLIS} ms. Every change that can alter
 * them (membership and roles, moderation, a space's or room's settings, a city's designations) drops them all once
 * it committed; only a sanction that ends by itself is seen up to that long late. Each verdict carries the generation
 * of rights it was read in: an entry read while such a change committed is never kept past it, and the room's writer
 * admits again, under the room's lock, every queued post whose verdict went stale ({@link RoomWriter}), so a ban,
 * mute, lock or archive also stops the posts already waiting in the room's queue.
 */
@ApplicationScoped
public class PostAdmission {

    /** How long a person's rights in a room are kept without a change. */
    static final long TTL_MILLIS = 2_000;

    /** Most entries kept; past it the cache starts again (a person posting in a room costs one entry). */
    static final int MAX_ENTRIES = 100_000;

    /** The answer for one post. */
    sealed interface Verdict permits Admitted, Refused {

        /** The generation of rights it was read in: stale once a change that decides rights committed. */
        long generation();
    }

    /**
     * The person may post here.
     *
     * @param slowModeExempt true for the room's managers, whom slow mode does not hold back
     */
    record Admitted(boolean slowModeExempt, long generation) implements Verdict {
    }

    /**
     * The person may not post here: {@code not-found} when they cannot read the room (the post is never queued),
     * {@code forbidden} when they may not post (the post is refused by the room's writer, unless it is the retry
     * of a post already stored, which gets its ack as a duplicate).
     */
    record Refused(LiveException reason, long generation) implements Verdict {
    }

    private record Key(long roomId, long accountId, boolean admin) {
    }

    private record Entry(Verdict verdict, long readAtNanos) {
    }

    private final ConcurrentMap<Key, Entry> rights = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final LongSupplier clock;

    @Inject
    private LiveService service;

    public PostAdmission() {
        this(System::nanoTime);
    }

    PostAdmission(LongSupplier clock) {
        this.clock = clock;
    }

    /** Whether this person may post in this room now. */
    Verdict admit(Caller.Identity who, long roomId) {
        Key key = new Key(roomId, who.id(), who.admin());
        long now = clock.getAsLong();
        long current = generation.get();
        Entry e = rights.get(key);
        if (e != null && e.verdict().generation() == current
                && now - e.readAtNanos() < TimeUnit.MILLISECONDS.toNanos(TTL_MILLIS)) {
            return e.verdict();
        }
        Verdict v = read(who, roomId, current);
        if (rights.size() >= MAX_ENTRIES) {
            rights.clear();
        }
        rights.put(key, new Entry(v, now));
        return v;
    }

    /** Whether a verdict is still current: no change that decides rights committed since it was read. */
    boolean current(Verdict v) {
        return v.generation() == generation.get();
    }

    /** Reads the rights from the database (one short read-only transaction, no room lock). */
    Verdict read(Caller.Identity who, long roomId, long generation) {
        LiveService.PostRights r = service.postRights(who, roomId);
        if (!r.readable()) {
            return new Refused(new LiveException(LiveError.NOT_FOUND, "No room " + roomId + " that you can read."),
                    generation);
        }
        Optional<String> refusal = r.refusal();
        if (refusal.isPresent()) {
            return new Refused(new LiveException(LiveError.FORBIDDEN, "You cannot post here: " + refusal.get() + "."),
                    generation);
        }
        return new Admitted(r.manager(), generation);
    }

    /** Drops every person's rights: something that decides them changed. */
    void forgetAll() {
        generation.incrementAndGet();
        rights.clear();
    }

    void membershipChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS)
                           MembershipService.MembershipChanged event) {
        forgetAll();
    }

    void moderated(@Observes(during = TransactionPhase.AFTER_SUCCESS) ModerationService.Moderated event) {
        forgetAll();
    }

    void rulesChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) SpaceService.RulesChanged event) {
        forgetAll();
    }

    void roomChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) SpaceService.RoomChanged event) {
        forgetAll();
    }

    /** A city's designations decide who belongs to its field spaces. */
    void cityChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) CityService.CityChanged event) {
        forgetAll();
    }
}
