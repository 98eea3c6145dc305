package org.creativecities.core.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.creativecities.core.platform.persistence.Migrations;
import org.creativecities.core.platform.persistence.SharedDatabase;

/**
 * The start-up sequence, in one place and in order: check the configuration, migrate the schema, then
 * let the contexts seed and start (they observe {@link Started}). Readiness stays down until all of it
 * succeeded; a failure stops the deployment, so the launcher reports it and exits. Work that runs on threads of its
 * own and loads classes as it goes (the search index's build) starts on {@link Deployed}, once the container has
 * finished deploying the application (see {@link DeployingThread} for why); readiness comes once that started
 * too, and a failure there keeps readiness down.
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

    /**
     * Fired once, on a background thread, after {@link Started} and after the container has finished deploying the
     * application: observers may start threads that load classes (at most {@value #DEPLOY_WAIT_MINUTES} minutes
     * after {@link Started}, should the deployment not seem to end).
     */
    public record Deployed() {
    }

    private static final long DEPLOY_WAIT_MINUTES = 5;

    @Inject
    private Migrations migrations;

    @Inject
    private Event<Started> started;

    @Inject
    private Event<Deployed> deployed;

    @Inject
    private SharedDatabase database;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    private ManagedThreadFactory threads;

    private volatile Thread deploymentWatch;

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
            watchDeployment();
            LOG.info(() -> String.format("Creative Cities Commons core started in %d ms",
                    (System.nanoTime() - t0) / 1_000_000));
        } catch (RuntimeException | Error e) {
            state = State.FAILED;
            LOG.log(Level.SEVERE, "Start-up failed: " + e.getMessage(), e);
            throw e;
        }
    }

    /** Fires {@link Deployed} from a thread of its own once this (the deploying) thread has left the container. */
    private void watchDeployment() {
        DeployingThread deploying = DeployingThread.current();
        LOG.fine(() -> "Deployment: waiting for " + deploying);
        Thread t = threads.newThread(() -> {
            try {
                if (!deploying.awaitLeft(Duration.ofMinutes(DEPLOY_WAIT_MINUTES))) {
                    LOG.warning(() -> "The deployment did not seem to end within " + DEPLOY_WAIT_MINUTES
                            + " minutes; background work starts now");
                }
                deployed.fire(new Deployed());
                state = State.READY;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // Readiness stays down, as for a failure on Started (which stops the deployment itself).
                state = State.FAILED;
                LOG.log(Level.SEVERE, "Starting the background work failed: " + e.getMessage(), e);
            }
        });
        t.setName("ccc-deployment-watch");
        t.setDaemon(true);
        deploymentWatch = t;
        t.start();
    }

    void onStop(@Observes @jakarta.enterprise.context.BeforeDestroyed(ApplicationScoped.class) Object ignored) {
        Thread watch = deploymentWatch;
        if (watch != null) {
            watch.interrupt();
        }
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
