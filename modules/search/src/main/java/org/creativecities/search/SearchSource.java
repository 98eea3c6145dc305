package org.creativecities.search;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Extension point: a kind of thing the search finds (works, messages, people, cities). Each context that owns
 * searchable things implements one application-scoped bean per kind; the search context builds its index from
 * them, and keeps it current through the changes they announce ({@link SearchChanges}).
 *
 * <p>Who may find what is decided by audience tokens: each document carries the tokens of those who may read it
 * (for example {@code public}, {@code room:12}, {@code account:5}), and a caller holds the tokens that
 * {@link #audience} gives; a document is found only when the two share one.
 */
public interface SearchSource {

    /** The kind's name, lower case: {@code work}, {@code message}, {@code person}, {@code city}. */
    String kind();

    /** Every document of this kind, for a full build of the index. */
    void documents(Consumer<SearchDocument> sink);

    /** One document, read again after a change; empty when it is gone or no longer searchable. */
    Optional<SearchDocument> document(String id);

    /**
     * A short fingerprint of the source's content (for example its row count and latest change), compared at
     * start-up with the one the index was built from: a difference means the index is stale and is rebuilt.
     */
    String version();

    /** The audience tokens the caller (an account, or nobody when anonymous) holds for this kind. */
    Set<String> audience(Optional<Long> accountId);

    /**
     * What the caller may find of this kind.
     *
     * @param tokens   the caller finds a document that carries one of these
     * @param excluded unless the document carries one of these (a ban from one room of a readable space)
     */
    record Audience(Set<String> tokens, Set<String> excluded) {

        public Audience {
            tokens = Set.copyOf(tokens);
            excluded = Set.copyOf(excluded);
        }
    }

    /**
     * The caller's audience for this kind, with the tokens that hide documents from them though they hold one of
     * theirs. By default {@link #audience} and nothing excluded; a source that reads both from one place
     * overrides it.
     */
    default Audience audienceOf(Optional<Long> accountId) {
        return new Audience(audience(accountId), Set.of());
    }

    /**
     * Several documents read again at once (after changes): each id is handed to the sink with its document, or
     * empty when it is gone. By default one {@link #document} each; a source that can read many at once
     * overrides it.
     */
    default void documents(Collection<String> ids, BiConsumer<String, Optional<SearchDocument>> sink) {
        for (String id : ids) {
            sink.accept(id, document(id));
        }
    }
}
