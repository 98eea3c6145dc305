package org.creativecities.plugin.api;

/**
 * Converts between JSON text and the plugin's own types (records, beans, maps, lists). Thread-safe. The
 * codec belongs to the plugin's current start: the core creates it on start and discards it on stop,
 * so that no cache of the core keeps the plugin's classes alive.
 */
public interface JsonCodec {

    /** The JSON text of a value. */
    String toJson(Object value);

    /**
     * The value of JSON text.
     *
     * @throws IllegalArgumentException if the text is not valid JSON for the type
     */
    <T> T fromJson(String json, Class<T> type);
}
