package org.creativecities.app.works;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.TestUser;
import org.creativecities.works.collab.ChangeSet;
import org.creativecities.works.collab.ChangeSetJson;
import org.creativecities.works.collab.CollabClient;
import org.creativecities.works.collab.CollabClient.Update;

/**
 * A co-editing client over a real WebSocket: it joins a work's document, edits a {@link CollabClient} (the server's
 * port of {@code @codemirror/collab}, which rebases exactly as the browser's editor does), pushes its unconfirmed
 * changes one push at a time, and applies what the server sends. Frames are read in order from an inbox.
 */
final class DocEditor implements WebSocket.Listener, AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final LinkedBlockingQueue<JsonObject> inbox = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private final String name;
    private WebSocket socket;
    private CollabClient state;
    private long work;
    private boolean inFlight;
    private int pushes;
    /** Every frame read, in order (for the failure messages and the checks). */
    final List<JsonObject> read = new ArrayList<>();

    private DocEditor(String name) {
        this.name = name;
    }

    /** Connects as the user with a fresh ticket and waits for {@code hello}. */
    static DocEditor open(TestUser user, String clientName) {
        String ticket = user.post("/api/live/tickets", null).expect(201).object().getString("ticket");
        DocEditor e = new DocEditor(clientName);
        URI base = user.api().base();
        try {
            e.socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/ws?ticket=" + ticket),
                            e).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception ex) {
            throw new IllegalStateException("WebSocket handshake failed", ex);
        }
        e.next(f -> f.getString("type").equals("hello"));
        return e;
    }

    void send(String frame) {
        socket.sendText(frame, true).join();
    }

    /** Waits for the next frame that matches, handling every frame read on the way; fails after {@link #WAIT}. */
    JsonObject next(Predicate<JsonObject> match) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            JsonObject f;
            try {
                f = inbox.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (f == null) {
                fail(name + ": no matching frame within " + WAIT + "; last frames: "
                        + read.subList(Math.max(0, read.size() - 5), read.size()));
            }
            handle(f);
            if (match.test(f)) {
                return f;
            }
        }
    }

    /** Handles every frame that has arrived, without waiting. */
    void drain() {
        JsonObject f;
        while ((f = inbox.poll()) != null) {
            handle(f);
        }
    }

    /** Joins the work's document and starts from the text it is given. */
    JsonObject join(long workId) {
        this.work = workId;
        send(Api.json("type", "doc.join", "work", workId, "id", name + "-join").toString());
        JsonObject joined = next(f -> (name + "-join").equals(f.getString("id", null)));
        assertEquals("doc.joined", joined.getString("type"), joined.toString());
        state = new CollabClient(name, joined.getJsonNumber("version").longValue(), joined.getString("text"));
        return joined;
    }

    CollabClient state() {
        return state;
    }

    boolean idle() {
        return !inFlight && state.sendable().isEmpty();
    }

    /** A local edit. */
    void edit(ChangeSet changes) {
        state.edit(changes);
    }

    /** Pushes the unconfirmed changes (at most 100) unless a push is in flight. */
    void pushIfReady() {
        List<ChangeSet> sendable = state.sendable();
        if (inFlight || sendable.isEmpty()) {
            return;
        }
        StringBuilder updates = new StringBuilder();
        for (ChangeSet c : sendable.subList(0, Math.min(100, sendable.size()))) {
            updates.append(updates.length() == 0 ? "" : ",").append("{\"clientID\":\"").append(name)
                    .append("\",\"changes\":").append(ChangeSetJson.toJson(c)).append('}');
        }
        inFlight = true;
        send("{\"type\":\"doc.push\",\"work\":" + work + ",\"version\":" + state.version() + ",\"updates\":["
                + updates + "],\"id\":\"" + name + "-p" + (++pushes) + "\"}");
    }

    /** Sends the selection (a caret) at this position. */
    void cursor(int pos) {
        send("{\"type\":\"doc.cursor\",\"work\":" + work + ",\"version\":" + state.version()
                + ",\"ranges\":[{\"anchor\":" + pos + ",\"head\":" + pos + "}]}");
    }

    private void handle(JsonObject f) {
        read.add(f);
        String type = f.getString("type");
        switch (type) {
            case "doc.updates" -> receive(f);
            case "doc.rejected" -> {
                receive(f);
                inFlight = false;
            }
            case "doc.ack" -> inFlight = false;
            case "error" -> {
                if (inFlight && f.getString("id", "").startsWith(name + "-p")) {
                    fail(name + ": a push was refused: " + f);
                }
            }
            default -> {
                // hello, joined, presence, cursors
            }
        }
    }

    private void receive(JsonObject f) {
        if (state == null) {
            return;
        }
        List<Update> updates = new ArrayList<>();
        for (JsonValue v : f.getJsonArray("updates")) {
            JsonObject u = v.asJsonObject();
            updates.add(new Update(u.getString("clientID"), ChangeSetJson.fromJson(u.get("changes"))));
        }
        assertTrue(state.receive(f.getJsonNumber("from").longValue(), updates), name + ": a gap before " + f);
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            inbox.add(Api.parse(partial.toString()).asJsonObject());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.abort();
        }
    }
}
