package org.creativecities.app.live;

import org.creativecities.app.testkit.TestUser;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.creativecities.app.testkit.Api;

/**
 * A real WebSocket client of {@code /ws} for tests: it keeps every frame it received, in order, lets a test
 * wait for a frame that matches, and records how the server closed the connection. With {@code reading =
 * false} it never asks for more frames after the first, so the server's writes pile up (a slow consumer).
 */
public final class LiveClient implements WebSocket.Listener, AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration PROBE_EVERY = Duration.ofSeconds(2);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<JsonObject> frames = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private volatile boolean reading;
    private volatile String closeReason = "";
    private WebSocket socket;

    private LiveClient(boolean reading) {
        this.reading = reading;
    }

    /** Opens a live connection for the user with a fresh single-use ticket. */
    public static LiveClient open(TestUser user) {
        String ticket = user.post("/api/live/tickets", null).expect(201).object().getString("ticket");
        return connect(user.api().base(), "ticket=" + ticket, Map.of());
    }

    /** Connects, with these handshake headers, and waits for the server's {@code hello}. */
    public static LiveClient connect(URI base, String query, Map<String, String> headers) {
        LiveClient c = new LiveClient(true);
        c.open(base, query, headers);
        c.await(f -> f.getString("type").equals("hello"));
        return c;
    }

    /** Connects and then stops reading after the first frame. */
    public static LiveClient connectNotReading(URI base, String query, Map<String, String> headers) {
        LiveClient c = new LiveClient(false);
        c.open(base, query, headers);
        return c;
    }

    /** Tries to connect; the future fails when the handshake is refused. */
    static CompletableFuture<WebSocket> attempt(URI base, String query, Map<String, String> headers) {
        WebSocket.Builder b = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        headers.forEach(b::header);
        return b.buildAsync(wsUri(base, query), new LiveClient(true)).toCompletableFuture();
    }

    static URI wsUri(URI base, String query) {
        return URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/ws" + (query == null ? "" : "?" + query));
    }

    private void open(URI base, String query, Map<String, String> headers) {
        WebSocket.Builder b = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        headers.forEach(b::header);
        try {
            socket = b.buildAsync(wsUri(base, query), this).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("WebSocket handshake failed", e);
        }
    }

    /** Sends a frame and waits until it is written. */
    public LiveClient send(JsonObject frame) {
        socket.sendText(frame.toString(), true).join();
        return this;
    }

    /** Sends raw text. */
    public CompletableFuture<WebSocket> sendRaw(String text) {
        return socket.sendText(text, true);
    }

    /** Waits for the first frame (at or after the start) that matches, and returns it. */
    public JsonObject await(Predicate<JsonObject> match) {
        long deadline = System.nanoTime() + WAIT.toNanos();
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
                    fail("No matching frame within " + WAIT + "; received: " + frames + " close=" + closeCode);
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

    /** Waits for the frame of this type with this {@code id} (the client's frame id). */
    public JsonObject reply(String id) {
        return await(f -> id.equals(f.getString("id", null)));
    }

    /** Every frame received so far, in order. */
    public List<JsonObject> frames() {
        synchronized (frames) {
            return List.copyOf(frames);
        }
    }

    /** The frames of one type received so far. */
    public List<JsonObject> frames(String type) {
        return frames().stream().filter(f -> f.getString("type").equals(type)).toList();
    }

    /**
     * Waits for the server to close the connection and returns the close code.
     *
     * <p>While it waits it pings the server every {@link #PROBE_EVERY}. The JDK's client does not always report the
     * end of a connection that the server closed while the client was not reading, even after it read everything
     * that was buffered; a write makes it find out (the server's side answers with a reset). A connection the server
     * still holds answers or ignores the ping, so the wait still fails.
     */
    public int awaitClose() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        try {
            while (true) {
                try {
                    return closeCode.get(PROBE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (System.nanoTime() - deadline > 0) {
                        throw new AssertionError("The server did not close the connection; frames: " + frames(), e);
                    }
                    probe();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new AssertionError("The server did not close the connection; frames: " + frames(), e);
        }
    }

    private void probe() {
        if (socket.isOutputClosed()) {
            return;
        }
        socket.sendPing(ByteBuffer.wrap(new byte[] {'?'})).whenComplete((ws, failure) -> {
            if (failure != null) {
                transportEnded();
            }
        });
    }

    private void transportEnded() {
        closeCode.complete(-1);
        synchronized (frames) {
            frames.notifyAll();
        }
    }

    /** Stops asking for frames: from now on the server's frames pile up in the network buffers. */
    void stopReading() {
        reading = false;
    }

    /** A client that stopped reading starts again: it takes everything the server managed to send. */
    public void resumeReading() {
        reading = true;
        socket.request(Long.MAX_VALUE);
    }

    public String closeReason() {
        return closeReason;
    }

    public boolean isClosed() {
        return closeCode.isDone();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            JsonObject frame = Api.parse(partial.toString()).asJsonObject();
            partial.setLength(0);
            synchronized (frames) {
                frames.add(frame);
                frames.notifyAll();
            }
        }
        if (reading) {
            webSocket.request(1);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeReason = reason;
        closeCode.complete(statusCode);
        synchronized (frames) {
            frames.notifyAll();
        }
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        transportEnded();
    }

    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException | CompletionException e) {
                socket.abort();
            }
        }
        if (socket != null) {
            socket.abort();
        }
    }
}
