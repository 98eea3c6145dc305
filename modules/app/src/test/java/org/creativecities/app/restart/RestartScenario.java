package org.creativecities.app.restart;

import org.creativecities.app.testkit.PackagedServer;

/**
 * Something a person was in the middle of when the server went down: set up and acknowledged before the crash,
 * checked after the restart ({@link AcrossRestartIT}). A scenario uses its own people, city and rooms (unique names),
 * so that scenarios share one server without seeing each other.
 */
@FunctionalInterface
public interface RestartScenario {

    /**
     * Sets the scenario up on the running server and waits until the server acknowledged all of it.
     *
     * @return the check to run once the server is back on the same data
     */
    Runnable prepare(PackagedServer server);
}
