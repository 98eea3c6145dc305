package org.creativecities.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A co-editing benchmark's WebSocket (the JDK's client): hands every whole text message to a consumer (on the
 * client's thread, in order) and queues sends one after the other, as the JDK's WebSocket requires.
 */
final class CollabSocket implements WebSocket.Listener, AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final Consumer<String> onMessage;
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket ws;
    private CompletableFuture<?> sends = CompletableFuture.completedFuture(null);

    /** Connects to {@code uri} (with {@code token} as bearer when not null). */
    CollabSocket(URI uri, String token, Consumer<String> onMessage) throws Exception {
        this.onMessage = onMessage;
        WebSocket.Builder b = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        ws = b.buildAsync(uri, this).get(30, TimeUnit.SECONDS);
    }

    /** Sends a text frame after those sent before it. */
    synchronized void send(String text) {
        sends = sends.thenCompose(x -> ws.sendText(text, true));
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String whole = partial.toString();
            partial.setLength(0);
            onMessage.accept(whole);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public void close() {
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
        ws.abort();
    }
}
