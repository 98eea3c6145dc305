package org.creativecities.app.browser;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.TestUser;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A person's live connection from the test (not from a browser), to prepare a room's history or to post while a
 * browser is away: joins a room and posts messages, waiting for each {@code ack}.
 */
final class RoomSocket implements WebSocket.Listener, AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final List<JsonObject> frames = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final long room;
    private WebSocket socket;
    private int counter;

    private RoomSocket(long room) {
        this.room = room;
    }

    /** Connects as {@code user} (with a single-use ticket) and joins {@code room}. */
    static RoomSocket join(TestUser user, long room) {
        String ticket = user.post("/api/live/tickets", null).expect(201).object().getString("ticket");
        URI base = user.api().base();
        RoomSocket s = new RoomSocket(room);
        try {
            s.socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/ws?ticket=" + ticket), s)
                    .get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("WebSocket handshake failed", e);
        }
        s.await(f -> f.getString("type").equals("hello"));
        s.send(Api.json("type", "join", "room", room, "id", "join"));
        s.await(f -> "join".equals(f.getString("id", null)));
        return s;
    }

    /** Posts a message and waits for its ack; returns the message's seq. */
    long post(String text) {
        String id = "t" + (++counter);
        send(Api.json("type", "post", "room", room, "clientMessageId", "test-" + System.nanoTime() + "-" + counter,
                "text", text, "id", id));
        JsonObject answer = await(f -> id.equals(f.getString("id", null)));
        if (!answer.getString("type").equals("ack")) {
            fail("post refused: " + answer);
        }
        return answer.getJsonNumber("seq").longValue();
    }

    private void send(JsonObject frame) {
        socket.sendText(frame.toString(), true).join();
    }

    private JsonObject await(Predicate<JsonObject> match) {
        long deadline = System.nanoTime() + Browser.TIMEOUT.toNanos();
        synchronized (frames) {
            int seen = 0;
            while (true) {
                for (; seen < frames.size(); seen++) {
                    if (match.test(frames.get(seen))) {
                        return frames.get(seen);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    fail("No matching frame; received: " + frames);
                }
                try {
                    frames.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            JsonObject frame = Json.createReader(new StringReader(partial.toString())).readObject();
            partial.setLength(0);
            synchronized (frames) {
                frames.add(frame);
                frames.notifyAll();
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        }
    }
}
