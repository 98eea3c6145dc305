package org.creativecities.search.sources;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.creativecities.core.live.LiveService;
import org.creativecities.core.live.MessageChanged;
import org.creativecities.core.live.MessageReads;
import org.creativecities.core.live.MessageReads.RoomAccess;
import org.creativecities.core.live.MessageReads.StoredMessage;
import org.creativecities.core.space.RoomDeletion;
import org.creativecities.core.space.SpaceService;
import org.creativecities.search.SearchDocument;
import org.creativecities.search.SearchChanges;
import org.creativecities.search.SearchSource;

/**
 * Messages of live rooms, found by those who may read their room. A message carries the tokens of its space
 * ({@code space:<id>}), its room ({@code room:<id>}), the members who read it whatever the space's visibility
 * ({@code members:city:<slug>} for a city space, {@code members:field:<slug>} for a network space) and
 * {@code admin}. A caller holds {@code space:<id>} of every public space (read now, so a change of visibility
 * holds at once, without re-indexing), the members tokens of their active memberships, and {@code admin} if they
 * are one; their bans exclude {@code space:<id>} and {@code room:<id>}. Ids are {@code <room>-<seq>}.
 */
@ApplicationScoped
public class MessageSearchSource implements SearchSource {

    public static final String KIND = "message";
    private static final int PAGE = 1_000;
    /** A deleted room with more messages than this is removed from the index by a rebuild of the kind. */
    static final int DELETED_ROOM_BY_MESSAGE = 10_000;
    /**
     * The longest the public spaces are kept: another node may have changed a space's visibility (this node hears
     * only of its own changes).
     */
    private static final long RULES_TTL_NANOS = TimeUnit.SECONDS.toNanos(5);

    @Inject
    private MessageReads reads;

    @Inject
    private SearchChanges changes;

    private final AtomicLong rulesGeneration = new AtomicLong();
    private volatile Set<String> publicSpaceTokens;
    private volatile long publicSpacesReadAt;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void documents(Consumer<SearchDocument> sink) {
        Map<Long, Optional<RoomAccess>> rooms = new HashMap<>();
        long after = 0;
        while (true) {
            List<StoredMessage> page = reads.messagesAfter(after, PAGE);
            for (StoredMessage m : page) {
                room(rooms, m.roomId()).map(r -> toDocument(m, r)).ifPresent(sink);
            }
            if (page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1).eventId();
        }
    }

    @Override
    public Optional<SearchDocument> document(String id) {
        return MessageId.parse(id).flatMap(k -> reads.message(k.room(), k.seq()))
                .flatMap(m -> reads.room(m.roomId()).map(r -> toDocument(m, r)));
    }

    /** Reads the messages of one room together when their numbers are close (a burst of posts). */
    @Override
    public void documents(Collection<String> ids, BiConsumer<String, Optional<SearchDocument>> sink) {
        Map<Long, TreeSet<Long>> byRoom = new TreeMap<>();
        for (String id : ids) {
            Optional<MessageId> key = MessageId.parse(id);
            if (key.isEmpty()) {
                sink.accept(id, Optional.empty());
            } else {
                byRoom.computeIfAbsent(key.get().room(), r -> new TreeSet<>()).add(key.get().seq());
            }
        }
        Map<Long, Optional<RoomAccess>> rooms = new HashMap<>();
        byRoom.forEach((roomId, seqs) -> {
            Optional<RoomAccess> room = room(rooms, roomId);
            Map<Long, StoredMessage> found = new HashMap<>();
            long span = seqs.last() - seqs.first() + 1;
            if (seqs.size() > 1 && span <= 4L * seqs.size() + 64) {
                reads.messagesOfRoom(roomId, seqs.first() - 1, (int) span).stream()
                        .filter(m -> seqs.contains(m.seq())).forEach(m -> found.put(m.seq(), m));
            } else {
                seqs.forEach(seq -> reads.message(roomId, seq).ifPresent(m -> found.put(seq, m)));
            }
            for (long seq : seqs) {
                sink.accept(new MessageId(roomId, seq).toString(), Optional.ofNullable(found.get(seq))
                        .flatMap(m -> room.map(r -> toDocument(m, r))));
            }
        });
    }

    private Optional<RoomAccess> room(Map<Long, Optional<RoomAccess>> cache, long roomId) {
        return cache.computeIfAbsent(roomId, id -> {
            Optional<RoomAccess> room = reads.room(id);
            Set<String> known = publicSpaceTokens;
            // Default spaces are created without an event: a public one not known yet makes the cache stale.
            if (known != null && room.filter(r -> r.publicSpace() && !known.contains("space:" + r.spaceId()))
                    .isPresent()) {
                forgetRules();
            }
            return room;
        });
    }

    static SearchDocument toDocument(StoredMessage m, RoomAccess room) {
        Set<String> audience = new HashSet<>(List.of("admin", "space:" + room.spaceId(), "room:" + room.roomId()));
        if (room.fieldSpace()) {
            room.field().ifPresent(f -> audience.add("members:field:" + f));
        } else {
            room.citySlug().ifPresent(c -> audience.add("members:city:" + c));
        }
        return new SearchDocument(KIND, new MessageId(m.roomId(), m.seq()).toString(),
                m.author() + " · " + room.roomName(), m.text(), "/rooms/" + m.roomId() + "#seq-" + m.seq(),
                room.field().map(Set::of).orElse(Set.of()), room.citySlug().map(Set::of).orElse(Set.of()), audience,
                m.editedAt().orElse(m.createdAt()).toInstant());
    }

    @Override
    public String version() {
        return reads.fingerprint();
    }

    @Override
    public Set<String> audience(Optional<Long> accountId) {
        return audienceOf(accountId).tokens();
    }

    @Override
    public Audience audienceOf(Optional<Long> accountId) {
        Set<String> tokens = new HashSet<>(publicSpaceTokens());
        Set<String> excluded = new HashSet<>();
        accountId.flatMap(reads::reader).ifPresent(reader -> {
            if (reader.admin()) {
                tokens.add("admin");
                return;
            }
            reader.cities().forEach(c -> tokens.add("members:city:" + c));
            reader.fields().forEach(f -> tokens.add("members:field:" + f));
            reader.bannedSpaces().forEach(s -> excluded.add("space:" + s));
            reader.bannedRooms().forEach(r -> excluded.add("room:" + r));
        });
        return new Audience(tokens, excluded);
    }

    /**
     * The tokens of the public spaces, kept until a space's or a room's settings change on this node, and at most
     * {@link #RULES_TTL_NANOS} (a change on another node).
     */
    private Set<String> publicSpaceTokens() {
        Set<String> cached = publicSpaceTokens;
        if (cached != null && System.nanoTime() - publicSpacesReadAt < RULES_TTL_NANOS) {
            return cached;
        }
        long generation = rulesGeneration.get();
        long readAt = System.nanoTime();
        List<String> tokens = new ArrayList<>();
        reads.publicSpaces().forEach(id -> tokens.add("space:" + id));
        Set<String> loaded = Set.copyOf(tokens);
        if (rulesGeneration.get() == generation) {
            publicSpacesReadAt = readAt;
            publicSpaceTokens = loaded;
        }
        return loaded;
    }

    void rulesChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) SpaceService.RulesChanged event) {
        forgetRules();
    }

    void roomChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) SpaceService.RoomChanged event) {
        forgetRules();
    }

    private void forgetRules() {
        rulesGeneration.incrementAndGet();
        publicSpaceTokens = null;
    }

    /**
     * A deleted room's messages leave the index: every seq it used is read again and found gone (a room of more than
     * {@value #DELETED_ROOM_BY_MESSAGE} messages makes every node rebuild the kind instead).
     */
    void roomDeleted(@Observes RoomDeletion.Deleted event) {
        if (event.lastSeq() > DELETED_ROOM_BY_MESSAGE) {
            changes.rebuild(KIND);
            return;
        }
        for (long seq = 1; seq <= event.lastSeq(); seq++) {
            changes.changed(KIND, new MessageId(event.roomId(), seq).toString());
        }
    }

    void roomGone(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoomDeletion.Deleted event) {
        forgetRules();
    }

    void posted(@Observes LiveService.MessagePosted event) {
        changes.changed(KIND, new MessageId(event.roomId(), event.seq()).toString());
    }

    void edited(@Observes MessageChanged event) {
        changes.changed(KIND, new MessageId(event.roomId(), event.seq()).toString());
    }
}
