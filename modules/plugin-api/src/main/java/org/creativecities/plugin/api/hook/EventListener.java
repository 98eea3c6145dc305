package org.creativecities.plugin.api.hook;

/**
 * Receives <em>after</em> events ({@link CommonsEvent}): city events only for cities where the plugin is
 * enabled. Needs {@link org.creativecities.plugin.api.Permission#EVENTS}.
 *
 * <p><b>Lifecycle.</b> Obtained once after {@code start}, used until {@code stop}.
 * <p><b>Threading.</b> Called asynchronously, after the change was committed, from the supervisor's worker
 * threads, never from the thread that made the change; events may arrive concurrently and, rarely, out of
 * order. A listener that throws or exceeds 2 s counts as a failure; the event is not redelivered.
 */
@FunctionalInterface
public interface EventListener {

    void onEvent(CommonsEvent event);
}
