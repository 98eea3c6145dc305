package org.creativecities.core.space;

import java.util.Optional;

/**
 * An extension point for a context beside the core that owns spaces of its own (a cross-city project's space): a
 * space of neither a city nor a field, opened through {@link OwnedSpaces}. The core asks each owner, a CDI bean,
 * who is a member of such a space (they post in its rooms) and who manages it (they add and change its rooms);
 * its visibility (public or members only) decides who reads it, as for any space.
 */
public interface SpaceOwner {

    /** What one person may do in an owned space: post there, and manage it. */
    record Rights(boolean member, boolean manager) {
    }

    /** The person's rights in the space, or empty when this owner does not own it. */
    Optional<Rights> rights(long spaceId, long accountId);
}
