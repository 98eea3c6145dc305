package org.creativecities.plugin.api;

import java.util.List;
import java.util.Optional;

/**
 * The values of a plugin's settings ({@link ModuleInfo#settings()}), as administrators set them. A value
 * is looked up as: the city's override (for {@link #forCity}), else the global value, else the schema's
 * default. Reads are always current: a change in the admin API is visible on the next call.
 *
 * <p>Thread-safe. Asking for a key the schema does not declare, or with the wrong type, throws
 * {@link IllegalArgumentException}.
 */
public interface PluginSettings {

    /** The same settings, as seen in one city (its overrides first). */
    PluginSettings forCity(String citySlug);

    /** The canonical text of a setting, if it has a value (set or default). */
    Optional<String> raw(String key);

    String getString(String key);

    long getInteger(String key);

    boolean getBoolean(String key);

    /** An {@code ENUM} setting's value. */
    String getChoice(String key);

    List<String> getList(String key);
}
