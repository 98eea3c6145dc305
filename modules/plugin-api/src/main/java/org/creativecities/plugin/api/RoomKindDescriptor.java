package org.creativecities.plugin.api;

import java.util.Objects;
import java.util.Optional;

/**
 * A kind of live room a plugin provides, as listed to administrators and room creators. The behaviour
 * of a room kind (accepted actions, validation, state) is contributed by a
 * {@link org.creativecities.plugin.api.room.RoomKind} with the same id, returned by
 * {@link CommonsModule#roomKinds()} (API 1.1); in 1.0 the descriptor only announced it.
 *
 * @param id          unique within the plugin, lower-case letters, digits and dashes, e.g. {@code watch-party}
 * @param name        shown to people
 * @param description one or two sentences
 * @param ui          the browser element shown above a room's chat (since 1.2); empty for a chat-only kind
 */
public record RoomKindDescriptor(String id, String name, String description, Optional<UiModule> ui) {

    public RoomKindDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        ui = ui == null ? Optional.empty() : ui;
        if (!id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw new IllegalArgumentException("room kind id '" + id
                    + "' must be lower-case letters, digits and dashes (at most 64)");
        }
    }

    /** A kind without a browser element: the form of API 1.0 and 1.1, kept for plugins built against them. */
    public RoomKindDescriptor(String id, String name, String description) {
        this(id, name, description, Optional.empty());
    }
}
