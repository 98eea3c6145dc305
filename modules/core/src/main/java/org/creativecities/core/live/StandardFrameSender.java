package org.creativecities.core.live;

import jakarta.websocket.Session;
import java.util.List;
import java.util.Optional;

/**
 * The portable {@link FrameSender}: each frame's text through {@code RemoteEndpoint.Async.sendText}, one at a time.
 * Every recipient's container encodes the text again; that is what {@link TyrusFrameSender} saves.
 */
final class StandardFrameSender implements FrameSender {

    private static final ClassLoader PLATFORM = ClassLoader.getPlatformClassLoader();

    @Override
    public Channel open(Session session) {
        return new Channel() {
            @Override
            public Path path() {
                return Path.STANDARD;
            }

            @Override
            public void write(List<OutFrame> frames, java.util.function.Consumer<Throwable> done) {
                sendFrom(session, frames, 0, done);
            }
        };
    }

    /** Sends frames[i..] one after the other: each starts when the one before it completed. */
    private static void sendFrom(Session session, List<OutFrame> frames, int i,
                                 java.util.function.Consumer<Throwable> done) {
        if (i == frames.size()) {
            done.accept(null);
            return;
        }
        withoutAppClassLoader(() -> session.getAsyncRemote().sendText(frames.get(i).text(), result -> {
            if (result.isOK()) {
                sendFrom(session, frames, i + 1, done);
            } else {
                done.accept(result.getException());
            }
        }));
    }

    @Override
    public Optional<String> remoteAddress(Session session) {
        return Optional.empty();
    }

    @Override
    public void shutdown() {
        // no threads of its own
    }

    /**
     * Runs a send with the platform class loader as the thread's context class loader. Tyrus (Payara 6) re-arms its
     * idle-timeout task on Payara's managed scheduler for every frame sent through the standard API, pings included,
     * and Payara captures the thread context for that task by a {@code ServiceLoader} scan of the context class
     * loader: with the web application's loader, a scan of every jar of the WAR and the runtime, per frame and per
     * recipient (a third of the server's CPU in the fan-out benchmark, docs/benchmarks.md). The platform loader has
     * no such providers, and the task needs none: our sessions have no container idle timeout.
     */
    static void withoutAppClassLoader(Runnable send) {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(PLATFORM);
        try {
            send.run();
        } finally {
            t.setContextClassLoader(previous);
        }
    }
}
