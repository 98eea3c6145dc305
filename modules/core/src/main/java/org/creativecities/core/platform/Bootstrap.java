package org.creativecities.core.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.creativecities.core.platform.persistence.Migrations;
import org.creativecities.core.platform.persistence.SharedDatabase;

/**
 * The start-up sequence, in one place and in order: check the configuration, migrate the schema, then
 * let the contexts seed and start (they observe {@link Started}). Readiness stays down until all of it
 * succeeded; a failure stops the deployment, so the launcher reports it and exits.
 *
 * <p>Migrating and seeding hold the database's start-up lock ({@link SharedDatabase#lock}): nodes started together
 * on one fresh PostgreSQL database take their turns, so the cities, the first administrator, the default spaces and
 * the plugins' records are created once, by the first, and the others find them.
 */
@ApplicationScoped
public class Bootstrap {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());

    /** Where start-up stands. */
    public enum State { STARTING, READY, FAILED }

    /**
     * Fired once the schema is current; observers seed data and start services, in the order given by
     * {@link jakarta.annotation.Priority} on the observer.
     */
    public record Started() {
    }

    @Inject
    private Migrations migrations;

    @Inject
    private Event<Started> started;

    @Inject
    private SharedDatabase database;

    private volatile State state = State.STARTING;

    /** The access log's background writer (one line per request must not wait for the console). */
    private AsyncLogHandler accessLog;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        long t0 = System.nanoTime();
        try {
            RuntimeConfiguration.validate();
            accessLog = AsyncLogHandler.install(Logger.getLogger("ccc.access"), 10_000);
            try (SharedDatabase.Held turn = database.lock("start-up")) {
                migrations.migrate();
                started.fire(new Started());
            }
            state = State.READY;
            LOG.info(() -> String.format("Creative Cities Commons core started in %d ms",
                    (System.nanoTime() - t0) / 1_000_000));
        } catch (RuntimeException | Error e) {
            state = State.FAILED;
            LOG.log(Level.SEVERE, "Start-up failed: " + e.getMessage(), e);
            throw e;
        }
    }

    void onStop(@Observes @jakarta.enterprise.context.BeforeDestroyed(ApplicationScoped.class) Object ignored) {
        if (accessLog != null) {
            accessLog.close();
        }
    }

    public State state() {
        return state;
    }

    public boolean isReady() {
        return state == State.READY;
    }
}
