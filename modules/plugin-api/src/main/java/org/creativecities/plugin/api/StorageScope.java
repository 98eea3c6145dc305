package org.creativecities.plugin.api;

import java.util.Objects;

/**
 * Where a stored entry lives, within the plugin's own storage: network-wide, for one city, or for one
 * live room. The same key in two scopes names two entries.
 *
 * @param kind what the scope is attached to
 * @param ref  the city slug or room id; empty for {@link Kind#GLOBAL}
 */
public record StorageScope(Kind kind, String ref) {

    /** What a scope is attached to. */
    public enum Kind { GLOBAL, CITY, ROOM }

    public StorageScope {
        Objects.requireNonNull(kind, "kind");
        ref = ref == null ? "" : ref;
        if (kind == Kind.GLOBAL && !ref.isEmpty()) {
            throw new IllegalArgumentException("the global scope has no reference");
        }
        if (kind != Kind.GLOBAL && (ref.isBlank() || ref.length() > 200)) {
            throw new IllegalArgumentException("a " + kind + " scope needs a reference of 1 to 200 characters");
        }
    }

    private static final StorageScope GLOBAL = new StorageScope(Kind.GLOBAL, "");

    public static StorageScope global() {
        return GLOBAL;
    }

    public static StorageScope city(String citySlug) {
        return new StorageScope(Kind.CITY, citySlug);
    }

    public static StorageScope room(String roomId) {
        return new StorageScope(Kind.ROOM, roomId);
    }
}
