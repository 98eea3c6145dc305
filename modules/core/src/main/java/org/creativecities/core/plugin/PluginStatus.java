package org.creativecities.core.plugin;

import java.util.Locale;

/**
 * Where an installed plugin stands: the state administrators see, from which its health follows. The wire
 * form is the constant's name for the state and {@link Health#wire()} for the health.
 */
enum PluginStatus {

    /** Enabled and running. */
    STARTED,
    /** Enabled but not running: stopped by an administrator, or not started yet. */
    STOPPED,
    /** Enabled, but its last start failed. */
    FAILED,
    /** Switched off by an administrator or by the supervisor. */
    DISABLED;

    /** A plugin's health as shown in the admin API and in {@code /health}. */
    enum Health {
        /** No recent failures. */
        OK,
        /** Failures within the supervisor's window. */
        DEGRADED,
        /** It cannot start. */
        FAILED,
        /** It is disabled. */
        DISABLED;

        /** The lower-case form the JSON carries. */
        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The plugin's health in this state, given its failures within the supervisor's window. */
    Health health(int recentFailures) {
        return switch (this) {
            case DISABLED -> Health.DISABLED;
            case FAILED -> Health.FAILED;
            case STARTED, STOPPED -> recentFailures > 0 ? Health.DEGRADED : Health.OK;
        };
    }

    /** Derives the state from the stored record and what the host knows now. */
    static PluginStatus of(boolean enabled, boolean running, boolean startFailed) {
        if (!enabled) {
            return DISABLED;
        }
        if (running) {
            return STARTED;
        }
        return startFailed ? FAILED : STOPPED;
    }
}
