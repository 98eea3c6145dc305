package org.creativecities.app.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One packaged server per test JVM, shared by every test class that uses {@code @ExtendWith(SharedServer.class)}.
 *
 * <p>It boots before the first such class and is stopped (gracefully) when JUnit closes its root store, at the end
 * of the run. Test methods, constructors and {@code @BeforeAll} methods can declare a {@link PackagedServer} or an
 * {@link Api} parameter. The shared server believes {@code X-Forwarded-For} from 127.0.0.1
 * ({@code CCC_HTTP_TRUSTED_PROXIES}), so a test can act as many clients, each with its own rate limits.
 * Tests on the shared server must not stop, kill or restart it, nor rely on being first:
 * use a {@link PackagedServer} of your own for that. If the boot fails, every class using it fails with the same
 * error, without booting again.
 */
public final class SharedServer extends ServerParameters {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedServer.class);

    /** The shared server, booting it if this is the first use in this JVM. */
    public static PackagedServer get(ExtensionContext context) {
        Holder holder = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Holder.class, k -> Holder.boot(), Holder.class);
        return holder.server();
    }

    @Override
    protected PackagedServer server(ExtensionContext context) {
        return get(context);
    }

    /** Keeps the server, or the reason it could not boot; stops the server when JUnit closes the root store. */
    private static final class Holder implements ExtensionContext.Store.CloseableResource {
        private final PackagedServer server;
        private final Throwable failure;

        private Holder(PackagedServer server, Throwable failure) {
            this.server = server;
            this.failure = failure;
        }

        static Holder boot() {
            PackagedServer server = PackagedServer.builder("shared").longLived()
                    // Tests may simulate many people by sending X-Forwarded-For: each address has its own limits.
                    .env("CCC_HTTP_TRUSTED_PROXIES", "127.0.0.1")
                    .build();
            try {
                return new Holder(server.start(), null);
            } catch (RuntimeException | AssertionError e) {
                return new Holder(server, e);
            }
        }

        PackagedServer server() {
            if (failure != null) {
                throw new IllegalStateException("The shared server did not start (see " + server.logFile() + ")",
                        failure);
            }
            return server;
        }

        @Override
        public void close() {
            server.stop();
        }
    }
}
