package org.creativecities.plugins.literature;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.creativecities.plugin.api.PluginStorage;
import org.creativecities.plugin.api.StorageConflictException;
import org.creativecities.plugin.api.StorageScope;
import org.creativecities.plugin.api.StoredEntry;
import org.creativecities.plugin.api.room.ActionResult;
import org.creativecities.plugin.api.room.Actor;
import org.creativecities.plugin.api.room.RoomAction;
import org.creativecities.plugin.api.room.RoomContext;
import org.creativecities.plugin.api.room.RoomEvent;
import org.creativecities.plugin.api.room.RoomKind;
import org.creativecities.plugin.api.room.RoomService;
import org.creativecities.plugin.api.room.RoomServiceException;
import org.creativecities.plugin.api.room.RoomState;

/**
 * The {@code reading-circle} room kind. The shared state (the book, its chapters, each member's progress) goes to
 * everyone; a chapter's thread never does. Its posts reach a person only when they reached the chapter: as the reply
 * to their own {@code read-thread} or {@code post}, and as a private frame ({@link RoomService#sendTo}) when anyone
 * posts. Anyone else gets the error {@code chapter-not-reached}, and nothing of the thread is in the room's state,
 * its welcome, its system events or its history.
 *
 * <p><b>Actions</b>: {@code set-chapters {book?, chapters}} (the host: the room's creator, a coordinator, an admin),
 * {@code reach {chapter}} (0 to the number of chapters; sets your progress), {@code read-thread {chapter}} (reply
 * {@code thread {chapter, posts}}), {@code post {chapter, text}} (reply {@code thread-post {chapter, post}}; the same
 * event privately to every member who reached the chapter, the author's other tabs included). On each join the
 * person gets {@code you {reached}} privately.
 *
 * <p><b>Storage</b> (room scope): {@code circle} (the {@link Circle}) and {@code thread/<n>} (the chapter's posts),
 * each written with compare-and-set before the result returns.
 */
public final class ReadingCircle implements RoomKind {

    /** This kind's id. */
    public static final String ID = "reading-circle";

    /** The most recent posts a {@code read-thread} reply carries. */
    static final int THREAD_PAGE = 100;

    private static final String KEY = "circle";

    private final PluginStorage storage;
    private volatile RoomService rooms;

    /**
     * @param storage the plugin's storage
     * @param rooms   the room services to send private frames with, until the engine attaches its own; may be null
     */
    public ReadingCircle(PluginStorage storage, RoomService rooms) {
        this.storage = storage;
        this.rooms = rooms;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void attached(RoomService services) {
        this.rooms = services;
    }

    @Override
    public Set<String> actionTypes() {
        return Set.of("set-chapters", "reach", "read-thread", "post");
    }

    @Override
    public ActionResult open(RoomContext room, Actor creator) {
        Optional<StoredEntry> existing = storage.get(room.storageScope(), KEY);
        if (existing.isPresent()) {
            return ActionResult.changed(view(room, Documents.circle(Documents.parse(existing.get().value()))));
        }
        try {
            Circle circle = Circle.start(Documents.stringArg(room.attributes(), "book", "bad-chapters"),
                    Documents.stringsArg(room.attributes(), "chapters", "bad-chapters"));
            storage.compareAndSet(room.storageScope(), KEY, 0, Documents.circle(circle).toString(), null);
            return ActionResult.changed(view(room, circle));
        } catch (LiteratureRefused e) {
            return ActionResult.rejected(e.code(), e.getMessage());
        }
    }

    @Override
    public ActionResult handle(RoomContext room, Actor actor, RoomAction action) {
        Optional<StoredEntry> entry = storage.get(room.storageScope(), KEY);
        if (entry.isEmpty()) {
            return ActionResult.rejected("not-open", "This reading circle has no state.");
        }
        Circle circle = Documents.circle(Documents.parse(entry.get().value()));
        JsonObject p = action.payload();
        Person who = new Person(actor.accountId(), actor.displayName(), actor.moderates());
        try {
            return switch (action.type()) {
                case "set-chapters" -> save(room, entry.get(), circle.withChapters(who,
                        Documents.stringArg(p, "book", "bad-chapters"),
                        Documents.stringsArg(p, "chapters", "bad-chapters")), null);
                case "reach" -> {
                    Circle next = circle.reach(who.accountId(), who.name(),
                            Documents.intArg(p, "chapter", "bad-chapter"));
                    yield save(room, entry.get(), next, you(next.reached(who.accountId())));
                }
                case "read-thread" -> readThread(room, circle, who, Documents.intArg(p, "chapter", "bad-chapter"));
                case "post" -> post(room, circle, who, Documents.intArg(p, "chapter", "bad-chapter"),
                        Documents.stringArg(p, "text", "bad-text"));
                default -> ActionResult.rejected("unknown-action", "A reading circle does not know '"
                        + action.type() + "'.");
            };
        } catch (LiteratureRefused e) {
            return ActionResult.rejected(e.code(), e.getMessage());
        } catch (StorageConflictException e) {
            return ActionResult.rejected("conflict", "The circle changed meanwhile; try again.");
        }
    }

    private ActionResult save(RoomContext room, StoredEntry before, Circle after, RoomEvent reply) {
        storage.compareAndSet(room.storageScope(), KEY, before.version(), Documents.circle(after).toString(), null);
        ActionResult.Applied result = ActionResult.changed(view(room, after));
        return reply == null ? result : result.andReply(reply);
    }

    private ActionResult readThread(RoomContext room, Circle circle, Person who, int chapter) {
        circle.requireReached(who.accountId(), chapter);
        List<Circle.Post> posts = posts(room.storageScope(), chapter);
        JsonArrayBuilder out = Json.createArrayBuilder();
        posts.subList(Math.max(0, posts.size() - THREAD_PAGE), posts.size())
                .forEach(post -> out.add(Documents.post(post)));
        return ActionResult.unchanged().andReply(new RoomEvent("thread", Json.createObjectBuilder()
                .add("chapter", chapter).add("posts", out).build()));
    }

    private ActionResult post(RoomContext room, Circle circle, Person who, int chapter, String text) {
        circle.requireReached(who.accountId(), chapter);
        String checked = Circle.postText(text);
        String key = "thread/" + chapter;
        Optional<StoredEntry> thread = storage.get(room.storageScope(), key);
        JsonObject stored = thread.map(e -> Documents.parse(e.value())).orElse(Json.createObjectBuilder()
                .add("next", 1).add("posts", Json.createArrayBuilder()).build());
        long id = stored.getJsonNumber("next").longValue();
        Circle.Post post = new Circle.Post(id, who.accountId(), who.name(), checked,
                room.clock().instant().toString());
        JsonObject next = Json.createObjectBuilder().add("next", id + 1)
                .add("posts", Json.createArrayBuilder(stored.getJsonArray("posts")).add(Documents.post(post)))
                .build();
        storage.compareAndSet(room.storageScope(), key, thread.map(StoredEntry::version).orElse(0L),
                next.toString(), null);
        RoomEvent event = new RoomEvent("thread-post", Json.createObjectBuilder().add("chapter", chapter)
                .add("post", Documents.post(post)).build());
        for (long reader : circle.readersOf(chapter)) {
            sendTo(room.roomId(), reader, event);
        }
        return ActionResult.unchanged().andReply(event);
    }

    /** The posts of a chapter's thread, oldest first. */
    List<Circle.Post> posts(StorageScope scope, int chapter) {
        List<Circle.Post> out = new ArrayList<>();
        storage.get(scope, "thread/" + chapter).ifPresent(e -> Documents.parse(e.value()).getJsonArray("posts")
                .forEach(v -> out.add(Documents.post(v.asJsonObject()))));
        return out;
    }

    /** The circle of a room, if it has one. */
    Optional<Circle> circle(StorageScope scope) {
        return storage.get(scope, KEY).map(e -> Documents.circle(Documents.parse(e.value())));
    }

    @Override
    public RoomState snapshot(RoomContext room, Instant now) {
        return circle(room.storageScope()).map(c -> view(room, c))
                .orElseGet(() -> new RoomState(Json.createObjectBuilder().add("open", false).build()));
    }

    /** Each joiner gets their own progress privately (private frames are not replayed). */
    @Override
    public void joined(RoomContext room, Actor person, boolean firstConnection) {
        circle(room.storageScope()).ifPresent(c -> sendTo(room.roomId(), person.accountId(),
                you(c.reached(person.accountId()))));
    }

    private void sendTo(String roomId, long accountId, RoomEvent event) {
        RoomService services = rooms;
        if (services == null) {
            return;
        }
        try {
            services.sendTo(roomId, accountId, event);
        } catch (RoomServiceException e) {
            // The room was archived or is gone meanwhile: nobody is there to tell.
            return;
        }
    }

    private static RoomEvent you(int reached) {
        return new RoomEvent("you", Json.createObjectBuilder().add("reached", reached).build());
    }

    /** What everyone sees: never anything of a thread. */
    static RoomState view(RoomContext room, Circle c) {
        JsonArrayBuilder chapters = Json.createArrayBuilder();
        for (int i = 0; i < c.chapters().size(); i++) {
            chapters.add(Json.createObjectBuilder().add("number", i + 1).add("title", c.chapters().get(i)));
        }
        JsonArrayBuilder progress = Json.createArrayBuilder();
        c.progress().forEach((id, r) -> progress.add(Json.createObjectBuilder().add("accountId", id)
                .add("name", r.name()).add("chapter", r.chapter())));
        return new RoomState(Json.createObjectBuilder().add("open", true).add("book", c.book())
                .add("host", room.creatorId()).add("chapters", chapters).add("progress", progress).build());
    }
}
