package org.creativecities.app.restart;

import org.creativecities.app.testkit.PackagedServer;

/**
 * Something people were in the middle of when the server went down: set up and acknowledged before the crash,
 * checked after the restart ({@link AcrossRestartIT}). A scenario uses its own people, city and rooms (unique names),
 * so that scenarios share one server without seeing each other.
 */
@FunctionalInterface
public interface RestartScenario {

    /**
     * Sets the scenario up on the running server and waits until the server acknowledged all of it.
     *
     * @return what to check once the server is back on the same data
     */
    Check prepare(PackagedServer server) throws Exception;

    /** The second half of a scenario. */
    @FunctionalInterface
    interface Check {

        /** Runs once the server is up again; also releases what the scenario holds (browsers, sockets). */
        void afterRestart();

        /** Runs while the server is down (what a client does offline); nothing by default. */
        default void whileDown() {
        }
    }
}
