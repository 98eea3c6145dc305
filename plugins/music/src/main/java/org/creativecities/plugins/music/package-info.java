/**
 * The music plugin: listening rooms (the {@code listening-room} room kind: a shared queue that members fill with
 * links on allowed hosts or uploaded audio files, vote up, and hear in step, each track giving way to the next on a
 * durable timer) and playlists as a work kind ({@code music:playlist}). {@link org.creativecities.plugins.music.Listening}
 * is the pure state machine; {@link org.creativecities.plugins.music.ListeningRoom} stores it and drives it from
 * room actions and timers.
 */
package org.creativecities.plugins.music;
