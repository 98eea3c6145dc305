package org.creativecities.plugin.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.creativecities.plugin.api.work.PluginWork;
import org.creativecities.plugin.api.work.PluginWorkException;
import org.creativecities.plugin.api.work.PluginWorkException.Reason;
import org.creativecities.plugin.api.work.PluginWorks;

/**
 * {@link PluginWorks} in memory, with the core's rules for what a plugin writes: the core's kinds only, a title of 1
 * to {@link PluginWorks#MAX_TITLE} characters, a message of at most {@link PluginWorks#MAX_MESSAGE}, a city, every
 * version authored by a person who then is a co-author, versions only of the works written here. Every version is
 * kept ({@link #versions}), so a test can check who wrote what. Unlike the core, any positive account id is a person
 * and any city slug a city, a collection's content is not parsed, and nothing is searchable or exportable.
 * Thread-safe.
 */
public final class InMemoryWorks implements PluginWorks {

    /** One version as stored: its number, content, message (or null) and author. */
    public record Version(int number, String content, String message, long authorId) {
    }

    private record Stored(long id, String kind, String title, String citySlug, List<Long> authors,
                          List<Version> versions) {
    }

    private final Map<Long, Stored> works = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public synchronized PluginWork create(String citySlug, String kind, String title, String content, String message,
                                          long authorId) {
        person(authorId);
        if (!TEXT.equals(kind) && !COLLECTION.equals(kind)) {
            throw new PluginWorkException(Reason.INVALID, "kind: a plugin writes works of the core's kinds, 'text' or "
                    + "'collection'.");
        }
        if (citySlug == null || citySlug.isBlank()) {
            throw new PluginWorkException(Reason.INVALID, "cities: a plugin's work is about a city.");
        }
        if (title == null || title.isBlank()) {
            throw new PluginWorkException(Reason.INVALID, "title: A title is required.");
        }
        if (title.strip().length() > MAX_TITLE) {
            throw new PluginWorkException(Reason.INVALID, "title: At most " + MAX_TITLE + " characters.");
        }
        long id = ids.incrementAndGet();
        Stored work = new Stored(id, kind, title.strip(), citySlug, new ArrayList<>(List.of(authorId)),
                new ArrayList<>());
        work.versions().add(new Version(1, content == null ? "" : content, message(message), authorId));
        works.put(id, work);
        return view(work);
    }

    @Override
    public synchronized PluginWork addVersion(long workId, String content, String message, long authorId) {
        person(authorId);
        Stored work = works.get(workId);
        if (work == null) {
            throw new PluginWorkException(Reason.NOT_FOUND, "No work with id '" + workId
                    + "' written by this plugin.");
        }
        String text = content == null ? "" : content;
        String checked = message(message);
        if (!work.authors().contains(authorId)) {
            work.authors().add(authorId);
        }
        Version latest = work.versions().get(work.versions().size() - 1);
        if (!latest.content().equals(text)) {
            work.versions().add(new Version(latest.number() + 1, text, checked, authorId));
        }
        return view(work);
    }

    @Override
    public synchronized Optional<PluginWork> find(long workId) {
        return Optional.ofNullable(works.get(workId)).map(InMemoryWorks::view);
    }

    /** Every version of a work written here, oldest first (empty for an unknown id). */
    public synchronized List<Version> versions(long workId) {
        Stored work = works.get(workId);
        return work == null ? List.of() : List.copyOf(work.versions());
    }

    /** The city a work written here is about. */
    public synchronized Optional<String> city(long workId) {
        return Optional.ofNullable(works.get(workId)).map(Stored::citySlug);
    }

    private static void person(long accountId) {
        if (accountId <= 0) {
            throw new PluginWorkException(Reason.UNKNOWN_PERSON, "No account with id " + accountId + ".");
        }
    }

    private static String message(String message) {
        if (message == null || message.isBlank()) {
            return null;
        }
        if (message.strip().length() > MAX_MESSAGE) {
            throw new PluginWorkException(Reason.INVALID, "message: At most " + MAX_MESSAGE + " characters.");
        }
        return message.strip();
    }

    private static PluginWork view(Stored work) {
        Version latest = work.versions().get(work.versions().size() - 1);
        return new PluginWork(work.id(), work.kind(), work.title(), latest.content(), latest.number(),
                work.authors(), "/api/works/" + work.id());
    }
}
