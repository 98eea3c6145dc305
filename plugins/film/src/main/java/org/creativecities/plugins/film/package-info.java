/**
 * The film plugin: a catalogue of screenings per city, served as the plugin's REST routes, and the
 * {@code watch-party} room kind, which keeps everyone's player in step with the host's.
 *
 * <p>{@link org.creativecities.plugins.film.FilmModule} is the plugin's only extension; the domain lives in
 * {@link org.creativecities.plugins.film.Playback} (the pure playback state machine),
 * {@link org.creativecities.plugins.film.WatchParty} (the room kind over it) and
 * {@link org.creativecities.plugins.film.ScreeningRules} / {@link org.creativecities.plugins.film.Screenings}
 * (validation and storage of the catalogue).
 */
package org.creativecities.plugins.film;
