package org.creativecities.app.testkit;

import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * At most two test classes of the integration run work at once, as the machine has two cores.
 *
 * <p>The lanes' locks ({@link OwnServerLane}, {@code browser.BrowserLane}) keep each lane to one class at a time, and
 * the shared server's classes run one after the other; but a worker that waits (for a lane's lock, or for a server it
 * boots) gets a stand-in thread from the pool, which may start a class of a third lane. So every class of the
 * shared server, of the browser server and of the own-server lane takes one of two permits before its first test, and
 * gives it back when it ended (whether or not its tests failed). A class waiting for a permit holds no permit, and a
 * class holding one waits for nothing another class holds, so no class waits for ever.
 */
public final class RunningClasses implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RunningClasses.class);
    private static final Semaphore PERMITS = new Semaphore(2, true);

    @Override
    public void beforeAll(ExtensionContext context) {
        enter(context);
    }

    /** Takes a permit for the test class of {@code context} (a top-level class only), once, until the class ends. */
    public static void enter(ExtensionContext context) {
        boolean topLevel = context.getParent().flatMap(ExtensionContext::getParent).isEmpty();
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        if (topLevel && store.get(Permit.class) == null) {
            PERMITS.acquireUninterruptibly();
            store.put(Permit.class, new Permit());
        }
    }

    /** A class's permit, given back when its context closes. */
    private static final class Permit implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            PERMITS.release();
        }
    }
}
