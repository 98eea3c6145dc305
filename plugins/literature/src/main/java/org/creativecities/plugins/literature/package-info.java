/**
 * The literature plugin: reading circles (a book in chapters, each member's progress, a thread per chapter that the
 * server shows only to those who reached it) and round-robin stories (the turn passes in order, times out on a
 * durable timer, and the story grows as a {@code text} work written through the plugin API's {@code works.write}).
 * {@link org.creativecities.plugins.literature.Circle} and {@link org.creativecities.plugins.literature.Story} are
 * the pure state machines; {@link org.creativecities.plugins.literature.ReadingCircle} and
 * {@link org.creativecities.plugins.literature.RoundRobin} the room kinds that keep them in storage.
 */
package org.creativecities.plugins.literature;
