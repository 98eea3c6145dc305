package org.creativecities.plugin.api.timer;

/**
 * Thrown by {@link PluginTimers} when the plugin already has as many timers as the core allows one plugin
 * (100 by default; administrators set {@code ccc.plugins.timers.max-per-plugin}). In-memory timers count until
 * they fire (one-shot) or are cancelled; durable timers count until they are delivered or cancelled. Cancel one,
 * or keep fewer: one repeating timer that walks a list usually does the work of many.
 *
 * @since 1.3.0
 */
public class TimerLimitException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final int limit;

    public TimerLimitException(String pluginId, int limit) {
        super("Plugin '" + pluginId + "' already has " + limit + " timers, the most one plugin may have "
                + "(ccc.plugins.timers.max-per-plugin); cancel one before scheduling another.");
        this.limit = limit;
    }

    /** The most timers one plugin may have. */
    public int limit() {
        return limit;
    }
}
