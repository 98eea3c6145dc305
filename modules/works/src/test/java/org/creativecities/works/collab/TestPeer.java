package org.creativecities.works.collab;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.live.LivePeer;

/** A connection for the engine's unit tests: keeps the frames it was sent. */
final class TestPeer implements LivePeer {

    private final String id;
    private final Optional<Caller.Identity> who;
    final List<JsonObject> frames = new ArrayList<>();
    boolean open = true;

    TestPeer(String id, Caller.Identity who) {
        this.id = id;
        this.who = Optional.ofNullable(who);
    }

    static Caller.Identity person(long id, String name) {
        return new Caller.Identity(id, name, false, "hash-" + id);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Optional<Caller.Identity> who() {
        return who;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public synchronized void send(String frame) {
        frames.add(Json.createReader(new StringReader(frame)).readObject());
    }

    synchronized List<JsonObject> ofType(String type) {
        return frames.stream().filter(f -> f.getString("type").equals(type)).toList();
    }

    synchronized JsonObject last() {
        return frames.get(frames.size() - 1);
    }
}
