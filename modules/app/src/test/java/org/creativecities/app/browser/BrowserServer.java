package org.creativecities.app.browser;

import java.util.concurrent.Semaphore;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.ServerParameters;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One packaged server for every browser test class of the run ({@code @ExtendWith(BrowserServer.class)}).
 *
 * <p>A browser cannot send {@code X-Forwarded-For}, so every page of every test comes from 127.0.0.1: this server
 * allows that address many sign-in attempts per minute. It also trusts loopback as a proxy, so that the same
 * tests can prepare data through the API as distinct {@link org.creativecities.app.testkit.TestUser}s. Tests that
 * restart or stop a server use a {@link PackagedServer} of their own.
 *
 * <p>One test class at a time uses it: a class waits before its first test until the class before it ended. The
 * classes are in the {@link BrowserLane} (one at a time already); this also holds for a class without it.
 */
public final class BrowserServer extends ServerParameters {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserServer.class);
    /** Held by the test class using the server, from before its first test until it ended. */
    private static final Semaphore ONE_CLASS_AT_A_TIME = new Semaphore(1, true);

    /** The browser tests' server, booting it on first use. */
    public static PackagedServer get(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Holder.class, k -> new Holder(), Holder.class).server();
    }

    /** A server configured for browser tests (not started): for tests that need one of their own. */
    public static PackagedServer.Builder builder(String name) {
        return PackagedServer.builder(name)
                .env("CCC_HTTP_TRUSTED_PROXIES", "127.0.0.1")
                .env("CCC_AUTH_IP_ATTEMPTS_PER_MINUTE", "10000");
    }

    @Override
    protected PackagedServer server(ExtensionContext context) {
        return get(context);
    }

    /** Waits until no other test class uses the server (a top-level class; its nested classes are within it). */
    @Override
    public void beforeAll(ExtensionContext context) {
        boolean topLevel = context.getParent().flatMap(ExtensionContext::getParent).isEmpty();
        if (topLevel) {
            ONE_CLASS_AT_A_TIME.acquireUninterruptibly();
            // Released when the class's context closes, whether or not its tests (or this boot) failed.
            context.getStore(NAMESPACE).put(UsingTheServer.class, new UsingTheServer());
        }
        super.beforeAll(context);
    }

    /** The class's hold on the server, let go when the class ends. */
    private static final class UsingTheServer implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            ONE_CLASS_AT_A_TIME.release();
        }
    }

    /** Boots the server once; stops it when the run ends. */
    private static final class Holder implements ExtensionContext.Store.CloseableResource {
        private final PackagedServer server = builder("browser").longLived().build();
        private final RuntimeException failure;

        Holder() {
            RuntimeException failed = null;
            try {
                server.start();
            } catch (RuntimeException e) {
                failed = e;
            }
            failure = failed;
        }

        PackagedServer server() {
            if (failure != null) {
                throw new IllegalStateException("The browser tests' server did not start (see " + server.logFile()
                        + ")", failure);
            }
            return server;
        }

        @Override
        public void close() {
            server.stop();
        }
    }
}
