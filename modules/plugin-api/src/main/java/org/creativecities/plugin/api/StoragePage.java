package org.creativecities.plugin.api;

import java.util.List;
import java.util.Optional;

/**
 * A page of a prefix listing, in key order.
 *
 * @param entries    the entries of this page
 * @param nextCursor pass it to the next {@code list} call to continue; empty on the last page
 */
public record StoragePage(List<StoredEntry> entries, Optional<String> nextCursor) {

    public StoragePage {
        entries = List.copyOf(entries);
    }
}
